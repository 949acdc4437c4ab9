using System.Linq;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>
/// Where the deploy folder is relative to the stack project, as the compilation declares it
/// (<see cref="StackProjectFolderAttribute"/>, added by the targets from <c>IklimStackDeployDir</c>): read from the
/// compilation rather than the disk, so the generator stays free of file IO and its output the same on every machine.
/// </summary>
internal static class ProjectLayout
{
    private const string AttributeMetadataName = "Iklim.StackSdk.StackProjectFolderAttribute";

    /// <summary>The project folder seen from the deploy folder: the attribute's value, else <c>../</c> (the default <c>deploy/</c>).</summary>
    public static string ProjectFromDeploy(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName(AttributeMetadataName);
        var declared = attribute is null
            ? null
            : compilation.Assembly.GetAttributes()
                .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))
                ?.ConstructorArguments.FirstOrDefault().Value as string;
        return declared ?? "../";
    }
}
