using CstmML.Host.Contracts;
using CstmML.Scoring;

namespace CstmML.Host.Models;

/// <summary>A fully loaded scorer and what /v1/models says about it; swapped as one reference.</summary>
internal sealed record ServingModel(ISequenceScorer Scorer, ModelInfo Info, string Fingerprint);
