using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Generators.Manifest;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Iklim.StackSdk.Generators.Pipeline;

/// <summary>
/// The config, secret and env files a stack reads from the stack project at deploy time, each with the C# call that
/// named it. The generator may not look at the disk (RS1035); the build step checks that they exist (IKS0906).
/// </summary>
internal static class ReferencedFileSources
{
    /// <summary>
    /// Every relative <c>File(...)</c> and <c>EnvFile(...)</c> of the base and of each profile, except the files the
    /// build writes itself.
    /// </summary>
    public static IReadOnlyList<ReferencedFile> Of(StackBuildResult result)
    {
        var model = result.Model;
        var scopes = new[] { (Name: string.Empty, Scope: model.Base) }.Concat(model.Profiles.Select(p => (p.Name, Scope: p.Changes)));
        var files = new List<ReferencedFile>();
        foreach (var (scopeName, scope) in scopes)
        {
            foreach (var (kind, resource) in scope.Configs.Select(c => ("config", c)).Concat(scope.Secrets.Select(s => ("secret", s))))
            {
                if (resource.File is { } path && Emitting.HostPaths.IsProjectFile(resource))
                {
                    files.Add(Reference(model.Name, kind, resource.Name, path, CallLocation(result.Provenance.Locate(new SourceRef(scopeName, kind, resource.Name, "File")))));
                }
            }

            foreach (var service in scope.Services)
            {
                foreach (var path in service.EnvFiles.Where(ProjectPaths.IsProjectPath))
                {
                    var origin = result.Provenance.Locate(new SourceRef(scopeName, "service", service.Name, SettingKey.Of(nameof(IServiceBuilder.EnvFile), path).ToString()));
                    files.Add(Reference(model.Name, "service", service.Name, path, PathArgument(origin) ?? CallLocation(origin)));
                }
            }
        }

        return files;
    }

    private static ReferencedFile Reference(string stack, string kind, string name, string path, Location? location)
    {
        var span = location?.GetLineSpan();
        return new ReferencedFile(
            stack,
            kind,
            name,
            path,
            span?.Path ?? string.Empty,
            span is { } s ? s.StartLinePosition.Line + 1 : 0,
            span is { } c ? c.StartLinePosition.Character + 1 : 0);
    }

    private static Location? CallLocation(object? origin) => origin switch
    {
        EvaluationOrigin evaluated => evaluated.Location,
        Location plain => plain,
        _ => null,
    };

    // A call written in the stack itself points at its path argument, the text to fix; one reached through a helper
    // keeps the helper's call, since the path there is the helper's parameter.
    private static Location? PathArgument(object? origin)
    {
        if (origin is not Location { SourceTree: { } tree } call)
        {
            return null;
        }

        var invocation = tree.GetRoot().FindToken(call.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span.End == call.SourceSpan.End);
        return invocation?.ArgumentList.Arguments.FirstOrDefault()?.Expression.GetLocation();
    }
}
