namespace CstmML.Features.Sequencing;

/// <summary>Why a sequence was emitted.</summary>
public enum SequenceUpdateKind
{
    /// <summary>A session closed for the first time.</summary>
    Closed,

    /// <summary>A late event re-opened one or more emitted sessions; this supersedes them (see <see cref="SequenceUpdate.Replaces"/>).</summary>
    Revised,
}
