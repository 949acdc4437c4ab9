using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Generators.Manifest;
using Iklim.StackSdk.Model;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>
/// The config and secret files a stack reads from the stack project at deploy time, each with the C# call that named
/// it. The generator may not look at the disk (RS1035); the build step checks that they exist (IKS0906).
/// </summary>
internal static class ReferencedFileSources
{
    /// <summary>Every relative <c>File(...)</c> of the base and of each profile, except the files the build writes itself.</summary>
    public static IReadOnlyList<ReferencedFile> Of(StackBuildResult result)
    {
        var model = result.Model;
        var scopes = new[] { (Name: string.Empty, Scope: model.Base) }.Concat(model.Profiles.Select(p => (p.Name, Scope: p.Changes)));
        var files = new List<ReferencedFile>();
        foreach (var (scopeName, scope) in scopes)
        {
            foreach (var (kind, resource) in scope.Configs.Select(c => ("config", c)).Concat(scope.Secrets.Select(s => ("secret", s))))
            {
                if (resource.File is not { } path || !Emitting.HostPaths.IsProjectFile(resource))
                {
                    continue;
                }

                var origin = result.Provenance.Locate(new SourceRef(scopeName, kind, resource.Name, "File"));
                var location = origin switch
                {
                    EvaluationOrigin evaluated => evaluated.Location,
                    Location plain => plain,
                    _ => null,
                };
                var span = location?.GetLineSpan();
                files.Add(new ReferencedFile(
                    model.Name,
                    kind,
                    resource.Name,
                    path,
                    span?.Path ?? string.Empty,
                    span is { } s ? s.StartLinePosition.Line + 1 : 0,
                    span is { } c ? c.StartLinePosition.Character + 1 : 0));
            }
        }

        return files;
    }
}
