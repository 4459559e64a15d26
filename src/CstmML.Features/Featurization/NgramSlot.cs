namespace CstmML.Features.Featurization;

/// <summary>One n-gram of a sequence and the slot it was hashed into (for explanations).</summary>
/// <param name="Block"><see cref="FeatureNames.TechniqueNgramPrefix"/> or <see cref="FeatureNames.AlertTypeNgramPrefix"/>.</param>
/// <param name="Order">1, 2 or 3.</param>
/// <param name="Text">The tokens joined by <c> &gt; </c>, e.g. <c>T1078.004 &gt; T1580</c>.</param>
/// <param name="Slot">Index into the feature vector.</param>
/// <param name="SlotName">The schema's name of that slot, e.g. <c>tech_ngram[17]</c>.</param>
public sealed record NgramSlot(string Block, int Order, string Text, int Slot, string SlotName);
