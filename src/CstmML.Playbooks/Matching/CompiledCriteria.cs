using CstmML.Core.Alerts;
using CstmML.Playbooks.Model;

namespace CstmML.Playbooks.Matching;

/// <summary>A step's <see cref="StepCriteria"/> in a form that is cheap to test per alert.</summary>
internal sealed class CompiledCriteria
{
    private readonly Glob[] _types;
    private readonly bool _cloudTrailOnly;
    private readonly Glob[] _services;
    private readonly TechniqueId[] _techniques;
    private readonly TacticId[] _tactics;
    private readonly CloudProvider[] _providers;
    private readonly AlertProduct[] _products;
    private readonly Glob[] _outcomes;
    private readonly bool _anyFailure;
    private readonly bool _onlySuccess;
    private readonly Glob[] _userAgents;

    public CompiledCriteria(StepCriteria c)
    {
        // event_name is a type restricted to CloudTrail; a step with both keeps both lists (AND).
        _types = c.Types.Select(t => new Glob(t, ignoreCase: false)).ToArray();
        EventNames = c.EventNames.Select(t => new Glob(t, ignoreCase: false)).ToArray();
        _cloudTrailOnly = c.EventNames.Count > 0;
        _services = c.Services.Select(s => new Glob(s, ignoreCase: true)).ToArray();
        _techniques = [.. c.Techniques];
        _tactics = [.. c.Tactics];
        _providers = [.. c.Providers];
        _products = [.. c.Products];
        var outcomes = c.Outcomes.ToList();
        _anyFailure = outcomes.RemoveAll(o => string.Equals(o, Outcomes.Failure, StringComparison.OrdinalIgnoreCase)) > 0;
        _onlySuccess = outcomes.Count == 1 && string.Equals(outcomes[0], Outcomes.Success, StringComparison.OrdinalIgnoreCase) && !_anyFailure;
        _outcomes = outcomes.Select(o => new Glob(o, ignoreCase: true)).ToArray();
        _userAgents = c.UserAgents.Select(u => new Glob(u, ignoreCase: true)).ToArray();
        Types = _types;
    }

    public Glob[] Types { get; }

    public Glob[] EventNames { get; }

    public TechniqueId[] Techniques => _techniques;

    public TacticId[] Tactics => _tactics;

    public bool IsMatch(NormalizedAlert a)
    {
        if (_types.Length > 0 && !Any(_types, a.Type))
        {
            return false;
        }

        if (_cloudTrailOnly && (a.Product != AlertProduct.CloudTrail || !Any(EventNames, a.Type)))
        {
            return false;
        }

        if (_providers.Length > 0 && Array.IndexOf(_providers, a.Provider) < 0)
        {
            return false;
        }

        if (_products.Length > 0 && Array.IndexOf(_products, a.Product) < 0)
        {
            return false;
        }

        if (_services.Length > 0 && !Any(_services, a.Service))
        {
            return false;
        }

        if ((_anyFailure || _outcomes.Length > 0) && !OutcomeMatches(a.Outcome))
        {
            return false;
        }

        if (_userAgents.Length > 0 && !Any(_userAgents, a.UserAgent))
        {
            return false;
        }

        if (_techniques.Length > 0 && !AnyTechnique(a.Techniques))
        {
            return false;
        }

        return _tactics.Length == 0 || AnyTactic(a.Tactics);
    }

    private bool OutcomeMatches(string outcome)
    {
        var isSuccess = string.Equals(outcome, Outcomes.Success, StringComparison.OrdinalIgnoreCase);
        if (_anyFailure && !isSuccess)
        {
            return true;
        }

        if (_onlySuccess)
        {
            return isSuccess;
        }

        return Any(_outcomes, outcome);
    }

    private bool AnyTechnique(IReadOnlyList<TechniqueId> alertTechniques)
    {
        for (var i = 0; i < alertTechniques.Count; i++)
        {
            foreach (var t in _techniques)
            {
                if (alertTechniques[i].IsWithin(t))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool AnyTactic(IReadOnlyList<TacticId> alertTactics)
    {
        for (var i = 0; i < alertTactics.Count; i++)
        {
            if (Array.IndexOf(_tactics, alertTactics[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Any(Glob[] globs, string? value)
    {
        foreach (var g in globs)
        {
            if (g.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}
