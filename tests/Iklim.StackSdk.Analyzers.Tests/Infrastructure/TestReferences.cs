using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Iklim.StackSdk.Building;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>What every test compilation references: the .NET 10 reference assemblies shipped in a package (never downloaded) and the SDK.</summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } =
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(StackBuilder).Assembly.Location))
            .ToImmutableArray();

    /// <summary>A reference set that resolves nothing, so the testing library downloads no reference pack.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0-basic");
}
