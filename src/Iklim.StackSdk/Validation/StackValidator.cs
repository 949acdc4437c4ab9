using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Validation;

/// <summary>
/// Checks that need the whole stack: references to undeclared resources (IKS0003) in the base and in every
/// profile's effective stack, and profile changes an overlay cannot express (IKS0004).
/// </summary>
public static class StackValidator
{
    /// <summary>All findings for <paramref name="model"/>; origins are left to the caller's provenance.</summary>
    public static IReadOnlyList<Finding> Validate(StackModel model)
    {
        var findings = new List<Finding>();
        var inBase = UndeclaredReferences(model.Base, string.Empty, model.Base).ToList();
        findings.AddRange(inBase);
        var reportedInBase = new HashSet<(string Name, string Key)>(inBase.Select(b => (b.Where.Name, b.Where.Key)));
        foreach (var (profile, plan) in StackPlan.Of(model).Profiles.Select(p => (p.Profile, p.Plan)))
        {

            // A base reference that is undeclared in the base is reported once, there, not again for each profile.
            findings.AddRange(UndeclaredReferences(plan.Effective, profile.Name, profile.Changes)
                .Where(f => !reportedInBase.Contains((f.Where.Name, f.Where.Key))));
            findings.AddRange(plan.Findings);
        }

        return findings;
    }

    private static IEnumerable<Finding> UndeclaredReferences(StackScope scope, string scopeName, StackScope declaredIn)
    {
        var networks = new HashSet<string>(scope.Networks.Select(n => n.Name));
        var volumes = new HashSet<string>(scope.Volumes.Select(v => v.Name));
        var secrets = new HashSet<string>(scope.Secrets.Select(s => s.Name));
        var configs = new HashSet<string>(scope.Configs.Select(c => c.Name));
        var where = scopeName.Length == 0 ? "the base stack" : $"profile '{scopeName}'";

        foreach (var service in scope.Services)
        {
            // Report where the reference was written: in the profile when the profile wrote it, else in the base.
            var referencedIn = declaredIn.Service(service.Name) is null ? string.Empty : scopeName;
            foreach (var network in service.Networks.Where(n => !networks.Contains(n.Name)))
            {
                yield return Undeclared("network", network.Name, service.Name, where, new SourceRef(referencedIn, "service", service.Name, "Network:" + network.Name), $"stack.Network(\"{network.Name}\")");
            }

            foreach (var mount in service.Volumes)
            {
                var volume = NamedVolume(mount.Source);
                if (volume is not null && !volumes.Contains(volume))
                {
                    yield return Undeclared("volume", volume, service.Name, where, new SourceRef(referencedIn, "service", service.Name, "Volume:" + mount.Target), $"stack.Volume(\"{volume}\")");
                }
            }

            foreach (var secret in service.Secrets.Where(s => !secrets.Contains(s.Source)))
            {
                yield return Undeclared("secret", secret.Source, service.Name, where, new SourceRef(referencedIn, "service", service.Name, "Secret:" + secret.Source), $"stack.Secret(\"{secret.Source}\").External()");
            }

            // Docker's converter looks the credential spec's config up among the stack's configs and fails the deploy without it.
            if (service.CredentialSpec?.Config is { } credentialConfig && !configs.Contains(credentialConfig))
            {
                yield return Undeclared("config", credentialConfig, service.Name, where, new SourceRef(referencedIn, "service", service.Name, nameof(IServiceBuilder.CredentialSpecConfig)), $"stack.Config(\"{credentialConfig}\").File(...)");
            }

            foreach (var config in service.Configs.Where(c => !configs.Contains(c.Source)))
            {
                yield return Undeclared("config", config.Source, service.Name, where, new SourceRef(referencedIn, "service", service.Name, "Config:" + config.Source), $"stack.Config(\"{config.Source}\").File(...)");
            }
        }
    }

    /// <summary>
    /// The named volume a mount source uses: the source itself, or the fallback of a lone <c>${VAR:-name}</c> or
    /// <c>${VAR-name}</c> (Docker resolves the variable at deploy time, and the fallback must then exist). Null for host paths.
    /// </summary>
    internal static string? NamedVolume(string source)
    {
        if (Model.Interpolation.IsWholeReference(source))
        {
            var body = Model.Interpolation.Body(source);
            var dash = body.IndexOf('-');
            if (dash < 0 || body.IndexOf('?') is var question and >= 0 && question < dash)
            {
                return null;
            }

            source = body.Substring(dash + 1);
        }

        return Names.IsObjectName(source) ? source : null;
    }

    private static Finding Undeclared(string kind, string name, string service, string where, SourceRef at, string fix) =>
        new(
            InputRules.UndeclaredReference.Rule.Id,
            InputRules.UndeclaredReference.Rule.DefaultSeverity,
            InputRules.UndeclaredReference.Rule.Message(service, kind, name, where, fix),
            at);
}
