using CstmML.Core.Alerts;

namespace CstmML.Playbooks.Matching;

/// <summary>Event-time order with the DESIGN tiebreak (alert id), then arrival, for the reorder buffer.</summary>
internal readonly record struct AlertOrder(long Ticks, string Id, long Arrival)
{
    public static AlertOrder Of(NormalizedAlert alert, long arrival) => new(alert.Time.UtcTicks, alert.Id, arrival);
}
