using System;
using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0118: a service sets what only a Windows engine honours (a <c>credential_spec</c>, <c>isolation</c> process or
/// hyperv, or an <c>npipe</c> mount) and its constraints place it on Linux nodes. A Linux engine rejects every such task
/// (measured on a one-node Swarm: <c>invalid --security-opt</c>, <c>invalid isolation 'process' on linux</c>,
/// <c>invalid mount config for type "npipe": mount type unknown</c>), so the service never runs.
/// </summary>
internal sealed class WindowsSettingOnLinuxPlacement : StackRule
{
    public const string Id = "IKS0118";

    private const string PlatformKey = "node.platform.os";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Windows-only setting on a service placed on Linux nodes",
        "service '{0}' sets {1} {2}, which only a Windows engine honours, but its constraint '{3}' places it on Linux nodes, where the engine rejects every task ({4}). Constrain it with node.platform.os == windows, or drop {1}.",
        FindingSeverity.Warning,
        "A Linux engine rejects every task of a service with a credential spec, an isolation other than default or a named-pipe mount, so such a service placed on Linux never runs.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            var (setting, key, rejection) = WindowsSetting(service);
            if (setting is null || LinuxConstraint(service) is not { } constraint)
            {
                continue;
            }

            yield return scope.Warn(Rule, service, scope.KeyFor(service, key, ServiceSettings.Constraint(constraint)), service.Name, setting, scope.Phrase, constraint, rejection);
        }
    }

    private static (string? Setting, SettingKey Key, string Rejection) WindowsSetting(ServiceSpec service)
    {
        if (service.CredentialSpec is { } credential)
        {
            var call = credential.Config is not null ? nameof(IServiceBuilder.CredentialSpecConfig)
                : credential.File is not null ? nameof(IServiceBuilder.CredentialSpecFile)
                : nameof(IServiceBuilder.CredentialSpecRegistry);
            return ("credential_spec", SettingKey.Of(call), "invalid --security-opt \"credentialspec=...\"");
        }

        if (service.Isolation is { } isolation && isolation != Isolation.Default)
        {
            return ("isolation " + ComposeWords.Of(isolation), SettingKey.Of(nameof(IServiceBuilder.Isolation)), $"invalid isolation '{ComposeWords.Of(isolation)}' on linux");
        }

        return service.Volumes.FirstOrDefault(v => v.Type == MountType.Npipe) is { } pipe
            ? ("the npipe mount " + pipe.Source, ServiceSettings.Volume(pipe.Target), "invalid mount config for type \"npipe\": mount type unknown")
            : (null, default, string.Empty);
    }

    // Swarm compares constraint values case-insensitively.
    private static string? LinuxConstraint(ServiceSpec service)
    {
        foreach (var constraint in service.Constraints)
        {
            var (key, equal, value) = Names.ParseConstraint(constraint);
            if (key == PlatformKey && string.Equals(value, equal ? "linux" : "windows", StringComparison.OrdinalIgnoreCase))
            {
                return constraint;
            }
        }

        return null;
    }
}
