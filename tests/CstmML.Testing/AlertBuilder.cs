using CstmML.Core.Alerts;

namespace CstmML.Testing;

/// <summary>Builds <see cref="NormalizedAlert"/> values for tests with readable defaults (one AWS role, CloudTrail).</summary>
public sealed class AlertBuilder
{
    /// <summary>The default event time: 2024-05-01T12:00:00Z.</summary>
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private string _id = "a1";
    private DateTimeOffset _time = T0;
    private string _type = "ListBuckets";
    private string _principal = "arn:aws:iam::111122223333:role/app";
    private string _account = "111122223333";
    private string _principalType = PrincipalTypes.Role;
    private CloudProvider _provider = CloudProvider.Aws;
    private AlertProduct _product = AlertProduct.CloudTrail;
    private TechniqueId[] _techniques = [];
    private TacticId[] _tactics = [];
    private double _severity;

    /// <summary>A new builder with the defaults.</summary>
    public static AlertBuilder Alert() => new();

    public AlertBuilder Id(string id)
    {
        _id = id;
        return this;
    }

    /// <summary>Event time as an absolute value.</summary>
    public AlertBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Event time as an offset from <see cref="T0"/>.</summary>
    public AlertBuilder At(TimeSpan sinceT0) => At(T0 + sinceT0);

    public AlertBuilder Type(string type)
    {
        _type = type;
        return this;
    }

    public AlertBuilder Principal(string principal, string principalType = PrincipalTypes.Role)
    {
        _principal = principal;
        _principalType = principalType;
        return this;
    }

    public AlertBuilder Account(string account)
    {
        _account = account;
        return this;
    }

    public AlertBuilder Product(CloudProvider provider, AlertProduct product)
    {
        _provider = provider;
        _product = product;
        return this;
    }

    public AlertBuilder Severity(double severity)
    {
        _severity = severity;
        return this;
    }

    /// <summary>Techniques (ids as text) and, optionally, tactics.</summary>
    public AlertBuilder Techniques(params string[] ids)
    {
        _techniques = [.. ids.Select(TechniqueId.Parse)];
        return this;
    }

    public AlertBuilder Tactics(params string[] ids)
    {
        _tactics = [.. ids.Select(TacticId.Parse)];
        return this;
    }

    public NormalizedAlert Build() => new()
    {
        Id = _id,
        Time = _time,
        Provider = _provider,
        Product = _product,
        Type = _type,
        Principal = _principal,
        PrincipalType = _principalType,
        Account = _account,
        Severity = _severity,
        Techniques = _techniques,
        Tactics = _tactics,
        Mapping = [.. _techniques.Select(t => new TechniqueMapping(t, MappingSource.Curated, 0.8))],
        RawRef = new RawRef("test", 1),
    };
}
