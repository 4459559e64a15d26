using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Trainers.LightGbm;

namespace CstmML.Training.Export;

/// <summary>Versions of the packages that shape a model's bytes, read from the loaded assemblies.</summary>
internal static class PackageVersions
{
    public static IReadOnlyDictionary<string, string> Current() =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Microsoft.ML"] = Of(typeof(MLContext)),
            ["Microsoft.ML.LightGbm"] = Of(typeof(LightGbmMulticlassTrainer)),
            ["Microsoft.ML.OnnxConverter"] = Of(typeof(OnnxExportExtensions)),
            ["Microsoft.ML.OnnxRuntime"] = Of(typeof(InferenceSession)),
            ["ScottPlot"] = Of(typeof(ScottPlot.Plot)),
            ["CstmML.Training"] = Of(typeof(PackageVersions)),
        };

    private static string Of(Type type)
    {
        var assembly = type.Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        // Drop "+commit" build metadata: it names the build, not the version.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
