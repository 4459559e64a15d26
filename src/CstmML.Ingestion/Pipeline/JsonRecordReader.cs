using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Streams the records of one JSON input with bounded memory: JSON arrays, JSON Lines (any number of top-level
/// values), single documents and envelopes (<see cref="ContainerKeys"/>), whose arrays are read element by element
/// through a refilling pooled buffer, so a 1 GB one-line CloudTrail file never sits in memory. Bad input never
/// throws: every problem becomes a <see cref="RejectRecord"/> with its line, and reading resumes where it can (the
/// next top-level line for JSON Lines; nothing after a syntax error inside an array, whose structure is lost).
/// </summary>
/// <remarks>
/// Records come out as their raw UTF-8 bytes (<see cref="TryReadRaw"/>): the reader only finds where each record
/// ends (one validating forward pass, no <see cref="JsonDocument"/>), so the caller decides how to parse it. A
/// returned record is valid until the next call or <see cref="Dispose"/>. Not thread-safe.
/// With a <see cref="LineTaker"/>, each top-level object is first offered as its whole line (found with one
/// vectorized search for the line feed), so a JSON Lines record the taker accepts is read once, not twice; a line it
/// declines goes through the usual pass unchanged (same records, rejects and line numbers).
/// </remarks>
internal sealed class JsonRecordReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _file;
    private readonly ReaderOptions _options;
    private readonly JsonReaderOptions _jsonOptions;
    private readonly Action<RejectRecord> _reject;
    private readonly LineTaker? _lineTaker;

    // The stream ends at a cut inside the input, not at its end (see ReaderStart.SoftEnd).
    private readonly bool _softEnd;
    private bool _streamDone;

    // The buffer is the caller's (the bytes constructor): never returned to the pool.
    private bool _borrowed;

    // The reader state after a complete top-level object, restored after a taken line (see TryTakeLine).
    private readonly JsonReaderState _afterObject;

    private byte[] _buf;
    private int _pos;
    private int _end;
    private bool _eof;
    private string? _readError;
    private JsonReaderState _state;

    // Line counting: _line is the 1-based line at buffer offset _lineCursor; both only move forward.
    private long _line = 1;
    private int _lineCursor;

    private Mode _mode = Mode.TopLevel;
    private int _containerDepth;
    private bool _inEnvelope;
    private long _index;
    private RawValueScanner _scanner;
    private bool _sawAnything;
    private bool _bomChecked;

    // A pending syntax-error reject, completed when resynchronization finds the next line.
    private RejectRecord? _pendingReject;
    private bool _resyncAtLineStart;

    // An envelope small enough to parse whole: its array elements are served from this document.
    private JsonDocument? _envelopeDoc;
    private JsonElement.ArrayEnumerator _envelopeItems;
    private long _envelopeLine;

    private JsonDocument? _current;

    // The record just found in _buf (TopLevel and Container modes).
    private int _rawStart;
    private int _rawLength;

    /// <param name="stream">The input.</param>
    /// <param name="file">Its name, for raw references and rejects.</param>
    /// <param name="options">Limits.</param>
    /// <param name="reject">Called for every reject, in input order.</param>
    /// <param name="lineTaker">Optional: offered each top-level object's line first (records it takes come out of <see cref="TryReadRaw"/> empty).</param>
    /// <param name="start">Optional: where in its input the stream starts and whether it ends at a cut; default: a whole input.</param>
    public JsonRecordReader(Stream stream, string file, ReaderOptions options, Action<RejectRecord> reject, LineTaker? lineTaker = null, ReaderStart? start = null)
    {
        _stream = stream;
        _file = file;
        _options = options;
        _reject = reject;
        _lineTaker = lineTaker;
        _jsonOptions = new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = options.MaxDepth };
        _state = new JsonReaderState(_jsonOptions);
        _afterObject = lineTaker is null && start is not { Continued: true } ? _state : SynthesizeState("{}"u8);
        _buf = ArrayPool<byte>.Shared.Rent(options.BufferBytes);
        if (start is { } s)
        {
            _softEnd = s.SoftEnd;
            _line = s.Line;
            if (s.Continued)
            {
                // As the whole-input reader stands at a clean cut: at top level, after a record, BOM and emptiness settled.
                _bomChecked = true;
                _sawAnything = true;
                _state = _afterObject;
            }
        }
    }

    /// <summary>
    /// Reads the first <paramref name="length"/> bytes of <paramref name="content"/> (borrowed, not copied: a piece of a
    /// file, <see cref="FileChunk"/>) as the stream reader would read them as its whole input or up to a cut.
    /// </summary>
    public JsonRecordReader(byte[] content, int length, string file, ReaderOptions options, Action<RejectRecord> reject, LineTaker? lineTaker, ReaderStart start)
        : this(Stream.Null, file, options, reject, lineTaker, start)
    {
        ArrayPool<byte>.Shared.Return(_buf);
        _buf = content;
        _end = length;
        _borrowed = true;
        _streamDone = start.SoftEnd;
        _eof = !start.SoftEnd;
    }

    /// <summary>
    /// After the last record of a stream that ends at a cut (<see cref="ReaderStart.SoftEnd"/>): true when the reader
    /// stopped at the cut as the whole-input reader would stand there: at top level, only white space left since the
    /// last record, nothing pending (no open value, array, envelope or resynchronization), BOM and emptiness settled. A
    /// <see cref="ReaderStart.Continued"/> reader from the cut then gives what the whole-input reader gives, for input
    /// whose records fit the limit with the white space before them (<see cref="ChunkSplitter"/>) and rejects without a
    /// buffer excerpt (<see cref="ExcerptedBuffer"/>): those two depend on where the reader's buffer started.
    /// </summary>
    public bool EndedClean { get; private set; }

    /// <summary>
    /// A reject took its excerpt from the read buffer: its text may depend on where the buffer ends, so a reader started
    /// elsewhere in the input (<see cref="ReaderStart"/>) cannot be sure to give the whole-input reader's rejects.
    /// </summary>
    public bool ExcerptedBuffer { get; private set; }

    // What the one-pass envelope route did: opened the envelope, needs more input first, or left the object to the usual pass.
    private enum OnePass
    {
        NotTaken,
        NeedMore,
        Opened,
    }

    private enum Mode
    {
        TopLevel,
        Container,
        ObjectScan,
        EnvelopeTail,
        Skip,
        Resync,
        Done,
    }

    /// <summary>Reads the next record (wrappers not yet removed) as a parsed element; false at the end of the input.</summary>
    public bool TryRead(out JsonElement record, out RawRef rawRef)
    {
        if (!Next(out rawRef, out var fromDoc))
        {
            record = default;
            return false;
        }

        if (fromDoc)
        {
            record = _envelopeItems.Current;
            return true;
        }

        _current = JsonDocument.Parse(_buf.AsMemory(_rawStart, _rawLength), new JsonDocumentOptions { MaxDepth = _options.MaxDepth });
        record = _current.RootElement;
        return true;
    }

    /// <summary>
    /// Reads the next record (wrappers not yet removed) as its UTF-8 bytes: a complete, syntactically valid JSON
    /// object of valid UTF-8 within the depth limit; empty when the <see cref="LineTaker"/> took it (it has its
    /// bytes already). False at the end of the input.
    /// </summary>
    public bool TryReadRaw(out ReadOnlySpan<byte> record, out RawRef rawRef)
    {
        if (!Next(out rawRef, out var fromDoc))
        {
            record = default;
            return false;
        }

        record = fromDoc ? JsonMarshal.GetRawUtf8Value(_envelopeItems.Current) : _buf.AsSpan(_rawStart, _rawLength);
        return true;
    }

    private bool Next(out RawRef rawRef, out bool fromDoc)
    {
        _current?.Dispose();
        _current = null;
        fromDoc = false;
        while (true)
        {
            if (_envelopeDoc is not null)
            {
                if (NextEnvelopeItem(out rawRef))
                {
                    fromDoc = true;
                    return true;
                }

                continue;
            }

            var produced = _mode switch
            {
                Mode.TopLevel => StepTopLevel(out rawRef),
                Mode.Container => StepContainer(out rawRef),
                Mode.ObjectScan or Mode.EnvelopeTail or Mode.Skip => Discard(StepRawScan(), out rawRef),
                Mode.Resync => Discard(StepResync(), out rawRef),
                _ => Discard(true, out rawRef),
            };
            if (produced)
            {
                return true;
            }

            if (_mode == Mode.Done && _envelopeDoc is null)
            {
                rawRef = null!;
                return false;
            }
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
        _envelopeDoc?.Dispose();
        _envelopeDoc = null;
        if (_buf.Length > 0 && !_borrowed)
        {
            ArrayPool<byte>.Shared.Return(_buf);
        }

        _buf = [];
    }

    private static bool Discard(bool _, out RawRef rawRef)
    {
        rawRef = null!;
        return false;
    }

    private bool StepTopLevel(out RawRef rawRef)
    {
        rawRef = null!;
        if (!_bomChecked)
        {
            if (_end < 3 && !_eof)
            {
                NeedMore();
                return false;
            }

            _bomChecked = true;
            if (_buf.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _pos = 3;
                _lineCursor = 3;
            }
        }

        if (_lineTaker is not null && TryTakeLine(out rawRef))
        {
            return true;
        }

        var reader = new Utf8JsonReader(_buf.AsSpan(_pos, _end - _pos), _eof, _state);
        bool ok;
        try
        {
            ok = reader.Read();
        }
        catch (JsonException ex)
        {
            BeginResync(_pos + LeadingWhitespace(), ex, "invalid JSON");
            return false;
        }

        if (!ok)
        {
            NeedMore();
            return false;
        }

        var tokenStart = _pos + (int)reader.TokenStartIndex;
        _sawAnything = true;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                Commit(ref reader);
                EnterContainer(depth: 1, envelope: false);
                return false;
            case JsonTokenType.StartObject:
                return ReadTopLevelObject(ref reader, tokenStart, out rawRef);
            default:
                var kind = reader.TokenType;
                Commit(ref reader);
                RejectAt(tokenStart, null, $"top-level JSON value is a {Describe(kind)}, expected an object or an array", null);
                return false;
        }
    }

    private bool ReadTopLevelObject(ref Utf8JsonReader reader, int tokenStart, out RawRef rawRef)
    {
        rawRef = null!;
        switch (_options.EnvelopesInOnePass ? TryOpenEnvelopeAtOnce(ref reader, tokenStart) : OnePass.NotTaken)
        {
            case OnePass.Opened:
            // As the usual pass does with an incomplete object: read more and start again from its '{'.
            case OnePass.NeedMore when _end - tokenStart < _options.MaxRecordBytes && Refill():
                return false;
        }

        var scan = reader;
        bool complete;
        bool sawContainerKey;
        try
        {
            complete = SkipObject(ref scan, detectContainerKeys: true, out sawContainerKey);
        }
        catch (JsonException ex)
        {
            BeginResync(tokenStart, ex, "invalid JSON");
            return false;
        }

        if (!complete)
        {
            if (_end - tokenStart < _options.MaxRecordBytes && Refill())
            {
                return false;
            }

            // Too large to hold: scan it as a possible envelope whose array is streamed; reader is after '{'.
            Commit(ref reader);
            _envelopeLine = LineAt(tokenStart);
            _scanner = new RawValueScanner(detectContainerKeys: true);
            _mode = Mode.ObjectScan;
            return false;
        }

        var end = _pos + (int)scan.BytesConsumed;
        var line = LineAt(tokenStart);
        if (!Utf8.IsValid(_buf.AsSpan(tokenStart, end - tokenStart)))
        {
            Commit(ref scan);
            Reject(line, null, "non-UTF-8 bytes in record", ExcerptBytes(tokenStart));
            return false;
        }

        if (sawContainerKey && TryOpenEnvelope(ref reader, line))
        {
            return false;
        }

        Commit(ref scan);
        _rawStart = tokenStart;
        _rawLength = end - tokenStart;
        rawRef = new RawRef(_file, line);
        return true;
    }

    // Offers the line of the next top-level object to the line taker. Declining changes nothing. Only a line whose
    // line feed is already in the buffer (or that ends the input) is offered, and a taken one leaves the reader
    // exactly where the usual pass would (just after the '}', buffer untouched): where a record ends relative to the
    // buffer decides which records near MaxRecordBytes the usual pass accepts, so that must not shift. A line
    // across the buffer's end (one per ~60 CloudTrail records) goes the usual way.
    private bool TryTakeLine(out RawRef rawRef)
    {
        rawRef = null!;
        var start = _pos;
        while (start < _end && _buf[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == _end || _buf[start] != (byte)'{')
        {
            return false;
        }

        var newline = _buf.AsSpan(start, _end - start).IndexOf((byte)'\n');
        if (newline < 0 && !_eof)
        {
            return false;
        }

        var last = newline < 0 ? _end : start + newline;
        while (_buf[last - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            last--;
        }

        var record = _buf.AsSpan(start, last - start);
        if (record[^1] != (byte)'}' || !Utf8.IsValid(record))
        {
            return false;
        }

        var candidate = new RawRef(_file, LineAt(start));
        if (!_lineTaker!(record, candidate))
        {
            return false;
        }

        // As the usual pass leaves it after a record (the state's line and byte counters, which only appear in
        // error texts that Clean cuts, aside); the record holds no line feed, so the line count stays valid.
        _sawAnything = true;
        _state = _afterObject;
        _pos = last;
        _lineCursor = last;
        _rawStart = start;
        _rawLength = 0;
        rawRef = candidate;
        return true;
    }

    // The usual pass reads an object once to find its end and its container keys, then parses an envelope again as a
    // document. An object whose first property is a container key (every CloudTrail log file starts {"Records":[)
    // is parsed as a document straight away: one pass. Taken only when that pass ends in an envelope opened exactly
    // as the usual pass would open it (complete in the buffer, valid UTF-8, a container array found); anything else
    // (more input needed, a syntax error, no array) is left to the usual pass, which then decides, rejects included.
    private OnePass TryOpenEnvelopeAtOnce(ref Utf8JsonReader reader, int tokenStart)
    {
        var peek = reader;
        JsonDocument? doc = null;
        try
        {
            if (!peek.Read() || peek.TokenType != JsonTokenType.PropertyName || peek.ValueIsEscaped || !ContainerKeys.IsContainer(peek.ValueSpan))
            {
                return OnePass.NotTaken;
            }

            var parse = reader;
            if (!JsonDocument.TryParseValue(ref parse, out doc))
            {
                return OnePass.NeedMore;
            }

            var end = _pos + (int)parse.BytesConsumed;
            if (!Utf8.IsValid(_buf.AsSpan(tokenStart, end - tokenStart)) || FindContainer(doc!.RootElement) is not { } items)
            {
                doc!.Dispose();
                return OnePass.NotTaken;
            }

            var line = LineAt(tokenStart);
            Commit(ref parse);
            _envelopeDoc = doc;
            _envelopeItems = items.EnumerateArray();
            _envelopeLine = line;
            _index = 0;
            return OnePass.Opened;
        }
        catch (JsonException)
        {
            doc?.Dispose();
            return OnePass.NotTaken;
        }
    }

    // A complete top-level object with a container key: parsed whole (it is at most MaxRecordBytes), and when the
    // key holds an array its elements are served from the document. reader is just after the object's '{'.
    private bool TryOpenEnvelope(ref Utf8JsonReader reader, long line)
    {
        // Complete and valid (just skipped over), so the parse cannot come up short.
        if (!JsonDocument.TryParseValue(ref reader, out var doc) || FindContainer(doc!.RootElement) is not { } items)
        {
            doc?.Dispose();
            return false;
        }

        Commit(ref reader);
        _envelopeDoc = doc;
        _envelopeItems = items.EnumerateArray();
        _envelopeLine = line;
        _index = 0;
        return true;
    }

    // Reads to the end of the object whose '{' the reader has just read; false when the buffer ends first (the
    // caller then keeps its own copy of the reader, positioned after the '{'). Depth and syntax are checked by
    // the reader itself (JsonException); UTF-8 validity of strings is the caller's check.
    private static bool SkipObject(ref Utf8JsonReader reader, bool detectContainerKeys, out bool sawContainerKey)
    {
        sawContainerKey = false;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject when reader.CurrentDepth == depth:
                    return true;
                case JsonTokenType.PropertyName when detectContainerKeys && reader.CurrentDepth == depth + 1:
                    // An escaped name could spell a container key: let the document decide.
                    sawContainerKey |= reader.ValueIsEscaped || ContainerKeys.IsContainer(reader.ValueSpan);
                    break;
            }
        }

        return false;
    }

    private bool NextEnvelopeItem(out RawRef rawRef)
    {
        while (_envelopeItems.MoveNext())
        {
            var item = _envelopeItems.Current;
            var index = _index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                Reject(_envelopeLine, index, $"record is a {item.ValueKind}, expected an object", RejectRecord.Clip(item.GetRawText()));
                continue;
            }

            rawRef = new RawRef(_file, _envelopeLine, index);
            return true;
        }

        // Called from TryRead, so the caller is done with the last element: the document can go.
        _envelopeDoc!.Dispose();
        _envelopeDoc = null;
        rawRef = null!;
        return false;
    }

    private bool StepContainer(out RawRef rawRef)
    {
        rawRef = null!;
        var reader = new Utf8JsonReader(_buf.AsSpan(_pos, _end - _pos), _eof, _state);
        bool ok;
        try
        {
            ok = reader.Read();
        }
        catch (JsonException ex)
        {
            FailContainer(_pos + LeadingWhitespace(), ex);
            return false;
        }

        if (!ok)
        {
            NeedMore();
            return false;
        }

        var tokenStart = _pos + (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.EndArray:
                Commit(ref reader);
                if (_inEnvelope)
                {
                    _scanner = new RawValueScanner(detectContainerKeys: false);
                    _mode = Mode.EnvelopeTail;
                }
                else
                {
                    _mode = Mode.TopLevel;
                }

                return false;
            case JsonTokenType.StartObject:
                return ReadElement(ref reader, tokenStart, out rawRef);
            case JsonTokenType.StartArray:
                Commit(ref reader);
                RejectAt(tokenStart, _index++, "record is an array, expected an object", null);
                BeginSkip();
                return false;
            default:
                var kind = reader.TokenType;
                Commit(ref reader);
                RejectAt(tokenStart, _index++, $"record is a {Describe(kind)}, expected an object", null);
                return false;
        }
    }

    private bool ReadElement(ref Utf8JsonReader reader, int tokenStart, out RawRef rawRef)
    {
        rawRef = null!;
        var scan = reader;
        bool complete;
        try
        {
            complete = SkipObject(ref scan, detectContainerKeys: false, out _);
        }
        catch (JsonException ex)
        {
            FailContainer(tokenStart, ex);
            return false;
        }

        if (!complete)
        {
            if (_end - tokenStart < _options.MaxRecordBytes && Refill())
            {
                return false;
            }

            Commit(ref reader);
            RejectAt(tokenStart, _index++, $"record larger than {_options.MaxRecordBytes} bytes; skipped", ExcerptBytes(tokenStart));
            BeginSkip();
            return false;
        }

        var end = _pos + (int)scan.BytesConsumed;
        Commit(ref scan);
        var index = _index++;
        var line = LineAt(tokenStart);
        if (!Utf8.IsValid(_buf.AsSpan(tokenStart, end - tokenStart)))
        {
            Reject(line, index, "non-UTF-8 bytes in record", ExcerptBytes(tokenStart));
            return false;
        }

        _rawStart = tokenStart;
        _rawLength = end - tokenStart;
        rawRef = new RawRef(_file, line, index);
        return true;
    }

    // Inside a top-level object too large to parse whole (ObjectScan: looking for an envelope array), after an
    // envelope's array (EnvelopeTail), or inside a value being skipped (Skip): scanned raw, in constant memory.
    private bool StepRawScan()
    {
        var result = _scanner.Scan(_buf.AsSpan(_pos, _end - _pos), out var consumed);
        _pos += consumed;
        switch (result)
        {
            case RawValueScanner.Result.ContainerFound:
                _state = SynthesizeState("{\"k\":["u8);
                EnterContainer(depth: 2, envelope: true);
                return false;
            case RawValueScanner.Result.Complete:
                if (_mode == Mode.ObjectScan)
                {
                    Reject(_envelopeLine, null, $"record larger than {_options.MaxRecordBytes} bytes; skipped", null);
                }

                if (_mode == Mode.Skip)
                {
                    // Back in the array as if the skipped element had been read.
                    _state = SynthesizeState(_containerDepth == 1 ? "[{}"u8 : "{\"k\":[{}"u8);
                    _mode = Mode.Container;
                }
                else
                {
                    _state = new JsonReaderState(_jsonOptions);
                    _mode = Mode.TopLevel;
                }

                return false;
            default:
                NeedMore();
                return false;
        }
    }

    private JsonReaderState SynthesizeState(ReadOnlySpan<byte> prefix)
    {
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(_jsonOptions));
        while (reader.Read())
        {
        }

        return reader.CurrentState;
    }

    // Skips the rest of the element whose opening bracket was just consumed, then returns to the container.
    private void BeginSkip()
    {
        _scanner = new RawValueScanner(detectContainerKeys: false);
        _mode = Mode.Skip;
    }

    private void EnterContainer(int depth, bool envelope)
    {
        _mode = Mode.Container;
        _containerDepth = depth;
        _inEnvelope = envelope;
        _index = 0;
    }

    // A syntax error inside an array: its structure is lost, so the rest of the file cannot be trusted.
    private void FailContainer(int at, JsonException? ex)
    {
        var why = ex is null ? "non-UTF-8 bytes in record" : "invalid JSON: " + Clean(ex);
        var reason = _readError is not null ? $"input ends early ({_readError})" : $"{why}; rest of file skipped";
        RejectAt(at, _index, reason, ExcerptBytes(at));
        _readError = null;
        _mode = Mode.Done;
    }

    // A syntax error in a top-level value: report it and continue at the next line that starts a JSON value.
    private void BeginResync(int valueStart, JsonException? ex, string what)
    {
        _sawAnything = true;
        var line = LineAt(valueStart);
        if (_eof && _readError is not null)
        {
            Reject(line, null, $"input ends early ({_readError})", ExcerptBytes(valueStart));
            _readError = null;
            _mode = Mode.Done;
            return;
        }

        var reason = ex is null ? what : $"{what}: {Clean(ex)}";
        _pendingReject = new RejectRecord(_file, line, null, reason, null, ExcerptBytes(valueStart));
        _state = new JsonReaderState(_jsonOptions);
        _pos = valueStart;
        _resyncAtLineStart = false;
        _mode = Mode.Resync;
    }

    private bool StepResync()
    {
        while (true)
        {
            if (_resyncAtLineStart)
            {
                if (_pos < _end)
                {
                    if (_buf[_pos] is (byte)'{' or (byte)'[')
                    {
                        EmitPending($"resumed at line {LineAt(_pos)}");
                        _mode = Mode.TopLevel;
                        return false;
                    }

                    _resyncAtLineStart = false;
                }
                else if (_eof)
                {
                    EmitPending("no further records");
                    _mode = Mode.TopLevel;
                    return false;
                }
                else
                {
                    Refill();
                    if (_mode == Mode.Done)
                    {
                        return false;
                    }

                    continue;
                }
            }

            var nl = _buf.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _pos += nl + 1;
                _resyncAtLineStart = true;
                continue;
            }

            _pos = _end;
            if (_eof)
            {
                EmitPending("rest of file skipped");
                _mode = Mode.TopLevel;
                return false;
            }

            Refill();
            if (_mode == Mode.Done)
            {
                return false;
            }
        }
    }

    private void EmitPending(string how)
    {
        if (_pendingReject is { } p)
        {
            _reject(p with { Reason = $"{p.Reason}; {how}" });
            _pendingReject = null;
        }
    }

    private void EndOfInput()
    {
        if (_mode is Mode.Container or Mode.ObjectScan or Mode.EnvelopeTail or Mode.Skip)
        {
            var reason = _readError is not null ? $"input ends early ({_readError})" : "input ends inside an array or object (truncated?)";
            RejectAt(_pos, _mode == Mode.Container ? _index : null, reason, null);
            _readError = null;
        }

        if (_readError is not null)
        {
            RejectAt(_pos, null, _readError, null);
            _readError = null;
        }

        if (!_sawAnything)
        {
            Reject(LineAt(_pos), null, _end == 0 && _pos == 0 ? "empty file" : "no JSON records (only white space)", null);
        }

        _mode = Mode.Done;
    }

    // More input is needed to finish the current token or value.
    private void NeedMore()
    {
        if (_eof)
        {
            EndOfInput();
            return;
        }

        if (Refill())
        {
            return;
        }

        var ws = LeadingWhitespace();
        if (ws > 0)
        {
            _pos += ws;
            return;
        }

        RejectAt(_pos, null, $"a single JSON token is larger than {_options.MaxRecordBytes} bytes; rest of file skipped", ExcerptBytes(_pos));
        _mode = Mode.Done;
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _pos += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    // Keeps bytes from _pos on, reads more. False when nothing could be added (buffer at its limit). At a cut (soft
    // end): stops reading (mode Done) and records whether the cut is clean; true, so the caller returns to Next.
    private bool Refill()
    {
        if (_eof)
        {
            return false;
        }

        if (_streamDone)
        {
            EndedClean = _mode == Mode.TopLevel && _bomChecked && _sawAnything && _pendingReject is null && _readError is null &&
                _envelopeDoc is null && _buf.AsSpan(_pos, _end - _pos).IndexOfAnyExcept(" \t\r\n"u8) < 0;
            _mode = Mode.Done;
            return true;
        }

        if (_pos > 0)
        {
            AdvanceLines(_pos);
            var keep = _end - _pos;
            Buffer.BlockCopy(_buf, _pos, _buf, 0, keep);
            _lineCursor -= _pos;
            _end = keep;
            _pos = 0;
        }

        if (_end == _buf.Length)
        {
            var limit = _options.MaxRecordBytes + _options.BufferBytes;
            if (_buf.Length >= limit)
            {
                return false;
            }

            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limit, _buf.Length * 2));
            Buffer.BlockCopy(_buf, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }

        try
        {
            // Fill the buffer (a decompressing stream returns a little at a time): a record or envelope that needs
            // more input is read again from its start after each refill, so fewer, fuller refills mean fewer passes.
            var wanted = _buf.Length - _end;
            var n = _stream.ReadAtLeast(_buf.AsSpan(_end, wanted), wanted, throwOnEndOfStream: false);
            if (n < wanted)
            {
                // A cut is not the end of the input: nothing is final there, the next Refill stops instead.
                _streamDone = _softEnd;
                _eof = !_softEnd;
            }

            _end += n;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or DecoderFallbackException)
        {
            _readError = ex.Message;
            _eof = true;
        }

        return true;
    }

    private long LineAt(int pos)
    {
        AdvanceLines(pos);
        return _line;
    }

    private void AdvanceLines(int pos)
    {
        if (pos > _lineCursor)
        {
            _line += _buf.AsSpan(_lineCursor, pos - _lineCursor).Count((byte)'\n');
            _lineCursor = pos;
        }
    }

    private int LeadingWhitespace()
    {
        var i = _pos;
        while (i < _end && _buf[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i - _pos;
    }

    private string? ExcerptBytes(int from)
    {
        // What the excerpt holds depends on where the buffer ends, i.e. on where the reader started.
        ExcerptedBuffer |= !FailsOnlyAtEnd(from);
        if (from < 0 || from >= _end)
        {
            return null;
        }

        // Enough bytes for 200 characters of UTF-8; invalid bytes show as U+FFFD.
        var n = Math.Min(_end - from, RejectRecord.MaxExcerptChars * 4);
        return RejectRecord.Clip(Encoding.UTF8.GetString(_buf, from, n));
    }

    // At the end of the input, a value that cannot fail before it (incomplete, not invalid, until the input ends: a
    // truncated last line) fails for every reader only once it has read to the end, so its excerpt ends there for all.
    private bool FailsOnlyAtEnd(int from)
    {
        if (!_eof || from < 0 || from >= _end)
        {
            return false;
        }

        var reader = new Utf8JsonReader(_buf.AsSpan(from, _end - from), isFinalBlock: false, new JsonReaderState(_jsonOptions));
        try
        {
            return !reader.Read() || !reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void RejectAt(int pos, long? index, string reason, string? excerpt) =>
        Reject(LineAt(Math.Max(pos, _lineCursor)), index, reason, excerpt);

    private void Reject(long line, long? index, string reason, string? excerpt) =>
        _reject(new RejectRecord(_file, line, index, reason, null, excerpt));

    private static JsonElement? FindContainer(JsonElement root)
    {
        foreach (var key in ContainerKeys.All)
        {
            if (root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array)
            {
                return v;
            }
        }

        return null;
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };

    // The exception text without System.Text.Json's slice-relative position, which would mislead.
    private static string Clean(JsonException ex)
    {
        var m = ex.Message;
        var cut = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? m[..cut] : m).TrimEnd('.', ' ');
    }
}
