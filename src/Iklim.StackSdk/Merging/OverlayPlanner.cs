using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Merging;

/// <summary>
/// The overlay file's content for one profile, the profile's effective stack (what Docker makes of base + overlay),
/// and the changes the overlay could not express.
/// </summary>
public sealed record OverlayPlan(StackScope Overlay, StackScope Effective, IReadOnlyList<Finding> Findings)
{
    /// <summary>Value equality, the findings compared item by item (a list compares by reference otherwise).</summary>
    public bool Equals(OverlayPlan? other) =>
        other is not null && Overlay == other.Overlay && Effective == other.Effective && Findings.SequenceEqual(other.Findings);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = (Overlay.GetHashCode() * 31) + Effective.GetHashCode();
            foreach (var finding in Findings)
            {
                hash = (hash * 31) + finding.GetHashCode();
            }

            return hash;
        }
    }
}

/// <summary>What one profile's plan was made from, and the plan: <see cref="OverlayPlanner.Replan"/> keeps what did not change.</summary>
internal sealed class EarlierPlan
{
    private readonly StackScope _base;
    private readonly StackScope _changes;
    private readonly OverlayPlan _plan;

    public EarlierPlan(StackScope baseScope, ProfileModel profile, OverlayPlan plan)
    {
        _base = baseScope;
        _changes = profile.Changes;
        _plan = plan;
    }

    /// <summary>True when <paramref name="change"/> over <paramref name="original"/> is what the plan read; <paramref name="kept"/> is its overlay entry (null: it changed nothing).</summary>
    public bool Planned(ServiceSpec? original, ServiceSpec change, out ServiceSpec? kept)
    {
        kept = null;
        if (!ReferenceEquals(change, _changes.Service(change.Name)) || !ReferenceEquals(original, _base.Service(change.Name)))
        {
            return false;
        }

        kept = _plan.Overlay.Service(change.Name);
        return true;
    }

    /// <summary>The planned effective entry when <paramref name="overlay"/> over <paramref name="original"/> is what the plan merged, else null.</summary>
    public ServiceSpec? Merged(ServiceSpec original, ServiceSpec overlay) =>
        ReferenceEquals(original, _base.Service(original.Name)) && ReferenceEquals(overlay, _plan.Overlay.Service(overlay.Name))
            ? _plan.Effective.Service(original.Name)
            : null;
}

/// <summary>
/// Computes the minimal overlay whose Docker merge over the base equals the profile's effective stack:
/// only what differs from the base is written. A change that Docker's merge cannot make (removing a key,
/// blanking a value, switching a replicated service to global) becomes an IKS0004 error.
/// </summary>
public static class OverlayPlanner
{
    // How many services this thread has planned: the test that a stack is planned once counts them.
    [System.ThreadStatic]
    private static int _servicesPlanned;

    /// <summary>The services planned on this thread so far (each <see cref="Minimal"/> or new-service entry counts one).</summary>
    internal static int ServicesPlanned => _servicesPlanned;

    /// <summary>Plans the overlay of <paramref name="profile"/> over <paramref name="baseScope"/>.</summary>
    public static OverlayPlan Plan(StackScope baseScope, ProfileModel profile)
    {
        var findings = new List<Finding>();
        var overlay = Overlay(baseScope, profile, findings, earlier: null);
        var effective = DockerMerge.Merge(baseScope, overlay);
        findings.AddRange(Sourceless("secret", baseScope.Secrets, overlay.Secrets, effective.Secrets, profile.Name));
        findings.AddRange(Sourceless("config", baseScope.Configs, overlay.Configs, effective.Configs, profile.Name));
        return new OverlayPlan(overlay, effective, findings);
    }

    /// <summary>
    /// The overlay and effective stack of <paramref name="profile"/> over <paramref name="baseScope"/>, where both are
    /// <paramref name="earlier"/>'s inputs as a later step changed them in a few services: a service whose base entry
    /// and change are the instances <paramref name="earlier"/> read keeps its planned overlay and effective entry, so
    /// only what the step touched is planned. No IKS0004 finding is collected: the checks read the earlier plan, and
    /// a step's additions have no C# call a finding could point at.
    /// </summary>
    internal static (StackScope Overlay, StackScope Effective) Replan(EarlierPlan earlier, StackScope baseScope, ProfileModel profile)
    {
        var overlay = Overlay(baseScope, profile, findings: null, earlier);
        return (overlay, DockerMerge.Merge(baseScope, overlay, (b, o) => earlier.Merged(b, o) ?? DockerMerge.MergeService(b, o)));
    }

    private static StackScope Overlay(StackScope baseScope, ProfileModel profile, List<Finding>? findings, EarlierPlan? earlier)
    {
        var services = new List<ServiceSpec>();
        foreach (var change in profile.Changes.Services)
        {
            var original = baseScope.Service(change.Name);
            if (earlier is not null && earlier.Planned(original, change, out var kept))
            {
                if (kept is not null)
                {
                    services.Add(kept);
                }

                continue;
            }

            _servicesPlanned++;
            if (original is null)
            {
                services.Add(change with { Removals = ValueList<RemovalRequest>.Empty });
                continue;
            }

            findings?.AddRange(Inexpressible(original, change, profile.Name));
            // A key copies the record only to give it a value of its own, so an untouched record says nothing changed.
            var unchanged = new ServiceSpec(change.Name);
            var minimal = Minimal(original, change, unchanged);
            if (!ReferenceEquals(minimal, unchanged))
            {
                services.Add(minimal);
            }
        }

        return new StackScope
        {
            Services = services.ToValueList(),
            Networks = Changed(baseScope.Networks, profile.Changes.Networks),
            Volumes = Changed(baseScope.Volumes, profile.Changes.Volumes),
            Secrets = Changed(baseScope.Secrets, profile.Changes.Secrets),
            Configs = Changed(baseScope.Configs, profile.Changes.Configs),
            Nodes = profile.Changes.Nodes,
            Gateways = profile.Changes.Gateways,
        };
    }

    // Docker takes an overlay's secret or config whole, so a profile that declares one without restating its source
    // leaves it with none. docker stack config then points its file at the compose file's folder, and docker stack
    // deploy fails ("read <folder>: is a directory", measured on a real Swarm), the objects before it already created.
    private static IEnumerable<Finding> Sourceless(string kind, ValueList<FileResourceSpec> b, ValueList<FileResourceSpec> overlay, ValueList<FileResourceSpec> effective, string profile)
    {
        foreach (var changed in overlay)
        {
            if (effective.FirstOrDefault(r => r.Name == changed.Name) is not { External: false, File: null, Driver: null })
            {
                continue;
            }

            var lost = b.FirstOrDefault(r => r.Name == changed.Name) switch
            {
                { File: { } file } => $"the base's file '{file}'",
                { External: true } => "the base's external: true",
                { Driver: { } driver } => $"the base's driver '{driver}'",
                _ => null,
            };
            var source = kind == "secret" ? ".File(...), .External() or .Driver(...)" : ".File(...) or .External()";
            yield return new Finding(
                InputRules.InexpressibleOverlayChange.Rule.Id,
                InputRules.InexpressibleOverlayChange.Rule.DefaultSeverity,
                InputRules.InexpressibleOverlayChange.Rule.Message(
                    profile,
                    $"{kind} '{changed.Name}'",
                    (lost is null ? $"the {kind} has no {(kind == "secret" ? "file, external or driver" : "file or external")}" : $"Docker replaces a base's {kind} whole with the overlay's, so this declaration drops {lost} and leaves no source")
                        + $": docker stack deploy then reads the compose file's folder as the {kind} and fails ('is a directory'). Restate the source in the profile ({source}), or declare the {kind} only in the profiles that need it."),
                new SourceRef(profile, kind, changed.Name, SourceRef.Declaration));
        }
    }

    // Only what would change the merge result stays: equal scalars, map entries, list items and whole entries are dropped.
    private static ServiceSpec Minimal(ServiceSpec b, ServiceSpec o, ServiceSpec result)
    {
        foreach (var key in ServiceKeys.All)
        {
            result = key.MinimalInto(result, b, o);
        }

        return result;
    }

    private static IEnumerable<Finding> Inexpressible(ServiceSpec b, ServiceSpec o, string profile)
    {
        Finding Error(string key, string message) => new(
            InputRules.InexpressibleOverlayChange.Rule.Id,
            InputRules.InexpressibleOverlayChange.Rule.DefaultSeverity,
            InputRules.InexpressibleOverlayChange.Rule.Message(profile, $"service '{o.Name}'", message),
            new SourceRef(profile, "service", o.Name, key));

        foreach (var removal in o.Removals)
        {
            var present = removal.Key switch
            {
                "environment" => b.Environment.ContainsKey(removal.Item),
                "constraint" => b.Constraints.Contains(removal.Item),
                "port" => b.Ports.Any(p => p.Published?.ToString(System.Globalization.CultureInfo.InvariantCulture) == removal.Item),
                "volume" => b.Volumes.Any(v => v.Target == removal.Item),
                _ => false,
            };
            if (present)
            {
                yield return Error(
                    ServiceSettings.Removal(removal).ToString(),
                    $"an overlay cannot remove {removal.Key} '{removal.Item}' that the base sets (Docker merges overlays by adding and replacing, never deleting). Move it out of the base into the profiles that need it.");
            }
        }

        foreach (var entry in o.Environment)
        {
            if (entry.Value.Length != 0 || b.Environment.Get(entry.Key) is not { Length: > 0 })
            {
                continue;
            }

            yield return Error(
                ServiceSettings.Environment(entry.Key).ToString(),
                $"an empty environment variable '{entry.Key}' in an overlay does not override the base value '{b.Environment.Get(entry.Key)}' (Docker keeps the base value). Set it per profile instead of in the base, or give it a non-empty value.");
        }

        if (o.Healthcheck is { Test.IsEmpty: false } check && b.Healthcheck is { Test.IsEmpty: false } baseCheck && check.Test != baseCheck.Test)
        {
            yield return Error(
                nameof(IServiceBuilder.Healthcheck),
                "Docker appends an overlay's healthcheck test to the base's instead of replacing it, which breaks the check. Declare the healthcheck in each profile's stack only, not in the base.");
        }

        if (o.Logging is { Options.IsEmpty: false } logging && b.Logging is { Options.IsEmpty: true } baseLogging && MergeRules.SameLoggingDriver(baseLogging, logging))
        {
            yield return Error(
                SettingKey.Of(nameof(IServiceBuilder.LoggingOption), logging.Options[0].Key).ToString(),
                "Docker drops an overlay's logging options when the base's logging block has none (it merges options only into existing ones). Give the base's logging at least one option, or set the logging options per profile instead of in the base.");
        }

        if (MergeRules.Healthcheck(b.Healthcheck, o.Healthcheck) is { Disabled: true, Test.IsEmpty: false } && o.Healthcheck is not null)
        {
            yield return Error(
                o.Healthcheck.Disabled is true ? nameof(IServiceBuilder.DisableHealthcheck) : nameof(IServiceBuilder.Healthcheck),
                "Docker's merge keeps both the base's healthcheck test and disable: true, which docker stack deploy rejects ('test and disable can't be set at the same time'). Declare the healthcheck, or its disabling, in each profile only, not in the base.");
        }

        foreach (var network in o.Networks.Where(n => !n.DriverOptions.IsEmpty))
        {
            if (b.Networks.FirstOrDefault(n => n.Name == network.Name) is { } attached && attached.DriverOptions != network.DriverOptions)
            {
                yield return Error(
                    SettingKey.Of(nameof(IServiceBuilder.NetworkDriverOption), ServiceKeys.NetworkOption(network.Name, network.DriverOptions[0].Key)).ToString(),
                    $"Docker ignores an overlay's driver options on network '{network.Name}', which the base already attaches: the base's options stay. Set the attachment's driver options in the base, or attach the network only in the profiles.");
            }
        }

        if (o.CredentialSpec is { } credential && MergeRules.CredentialSources(MergeRules.CredentialSpec(b.CredentialSpec, credential)) > 1)
        {
            yield return Error(
                credential.Config is not null ? nameof(IServiceBuilder.CredentialSpecConfig) : credential.File is not null ? nameof(IServiceBuilder.CredentialSpecFile) : nameof(IServiceBuilder.CredentialSpecRegistry),
                "Docker merges an overlay's credential_spec field by field, so the base's source stays beside this one, and docker stack deploy refuses a credential spec with two sources. Set the credential spec in each profile only, not in the base, or use the base's kind of source.");
        }

        var reserved = b.Resources?.Reservations?.GenericResources ?? ValueList<GenericResourceSpec>.Empty;
        foreach (var resource in o.Resources?.Reservations?.GenericResources ?? ValueList<GenericResourceSpec>.Empty)
        {
            if (reserved.FirstOrDefault(r => r.Kind == resource.Kind) is { } inBase && inBase != resource)
            {
                yield return Error(
                    SettingKey.Of(nameof(IServiceBuilder.GenericResource), resource.Kind).ToString(),
                    $"Docker appends an overlay's generic resources to the base's, so '{resource.Kind}' would be reserved twice ({inBase.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} and {resource.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}) and Swarm rejects the tasks in a loop. Reserve '{resource.Kind}' in each profile only, not in the base.");
            }
        }

        foreach (var (key, overlayValue, baseValue) in Durations(b, o))
        {
            if (DockerMerge.IsZeroDuration(overlayValue) && baseValue is not null && !DockerMerge.IsZeroDuration(baseValue))
            {
                yield return Error(
                    key,
                    $"a zero duration '{overlayValue}' in an overlay does not override the base's '{baseValue}' (Docker ignores zero values there). Use a small non-zero duration such as 1ms.");
            }
        }

        // One port cannot collide; most services have fewer than two in both files together.
        var touchedPorts = b.Ports.Count + o.Ports.Count < 2
            ? Enumerable.Empty<IGrouping<string, PortSpec>>()
            : b.Ports.AddRange(o.Ports).GroupBy(DockerMerge.PortKey).Where(g => g.Distinct().Count() > 1);
        foreach (var collision in touchedPorts)
        {
            yield return Error(
                (collision.First().Published is { } published ? ServiceSettings.Port(published) : SettingKey.Of(nameof(IServiceBuilder.Port), string.Empty)).ToString(),
                collision.First().Published is null
                    ? "ports without a published port appear more than once; when a service is in both files Docker 28 keeps only one entry per published port, and these all count as port 0. Publish them, or declare the service's other changes in the base."
                    : $"published port {collision.First().Published} appears more than once (for example tcp and udp); when a service is in both files Docker 28 keeps only one entry per published port. Publish the second protocol on another port, or declare the ports only in the base.");
        }

        if (ComposeWords.IsGlobal(o.Mode) && o.Mode != b.Mode && b.Replicas is not null)
        {
            yield return Error(
                o.Mode == ServiceMode.Global ? nameof(IServiceBuilder.Global) : nameof(IServiceBuilder.GlobalJob),
                "switching to global mode in an overlay keeps the base's 'replicas', which Docker rejects for global services. Declare the service global in the base, or keep it replicated.");
        }
    }

    // Docker replaces a top-level entry whole, so an entry is written only when it differs from the base's.
    private static ValueList<T> Changed<T>(ValueList<T> b, ValueList<T> o)
    {
        if (o.IsEmpty)
        {
            return o;
        }

        var inBase = new HashSet<T>(b);
        return o.Where(item => !inBase.Contains(item)).ToValueList();
    }

    private static IEnumerable<(string Key, string? Overlay, string? Base)> Durations(ServiceSpec b, ServiceSpec o)
    {
        yield return (nameof(IServiceBuilder.StopGracePeriod), o.StopGracePeriod, b.StopGracePeriod);
        yield return (nameof(IServiceBuilder.RestartPolicy), o.RestartPolicy?.Delay, b.RestartPolicy?.Delay);
        yield return (nameof(IServiceBuilder.RestartPolicy), o.RestartPolicy?.Window, b.RestartPolicy?.Window);
        yield return (nameof(IServiceBuilder.UpdateConfig), o.UpdateConfig?.Delay, b.UpdateConfig?.Delay);
        yield return (nameof(IServiceBuilder.UpdateConfig), o.UpdateConfig?.Monitor, b.UpdateConfig?.Monitor);
        yield return (nameof(IServiceBuilder.RollbackConfig), o.RollbackConfig?.Delay, b.RollbackConfig?.Delay);
        yield return (nameof(IServiceBuilder.RollbackConfig), o.RollbackConfig?.Monitor, b.RollbackConfig?.Monitor);
        yield return (nameof(IServiceBuilder.Healthcheck), o.Healthcheck?.Interval, b.Healthcheck?.Interval);
        yield return (nameof(IServiceBuilder.Healthcheck), o.Healthcheck?.Timeout, b.Healthcheck?.Timeout);
        yield return (nameof(IServiceBuilder.Healthcheck), o.Healthcheck?.StartPeriod, b.Healthcheck?.StartPeriod);
        yield return (nameof(IServiceBuilder.HealthcheckStartInterval), o.Healthcheck?.StartInterval, b.Healthcheck?.StartInterval);
    }
}
