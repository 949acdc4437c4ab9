using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Iklim.StackSdk.Model.Keys;

/// <summary>
/// The one declaration of every key a <see cref="ServiceSpec"/> holds. <see cref="Merging.DockerMerge"/>,
/// <see cref="Merging.OverlayPlanner"/>, the compose emitter and the rules' provenance all walk <see cref="All"/>, so a
/// key added here is merged, minimised, written and located everywhere at once; a <see cref="ServiceSpec"/> property
/// without an entry fails the key-table test. <see cref="All"/> is in emission order: dclint's service key order
/// (image, volumes, configs, secrets, environment, env_file, ports, networks, command, entrypoint, working_dir, healthcheck,
/// logging, labels, user, isolation), then the keys it does not rank; keys below one parent (<c>deploy</c>) are contiguous.
/// </summary>
internal static class ServiceKeys
{
    public static readonly ServiceKey<string?> Image = Text(
        nameof(ServiceSpec.Image), "image", s => s.Image, (s, v) => s with { Image = v }, nameof(IServiceBuilder.Image));

    public static readonly ServiceKey<ValueList<MountSpec>> Volumes = Keyed(
        nameof(ServiceSpec.Volumes), "volumes", s => s.Volumes, (s, v) => s with { Volumes = v }, v => v.Target,
        MountEntries,
        (v, key) => v.Target == key.Item,
        nameof(IServiceBuilder.Volume), nameof(IServiceBuilder.Bind), nameof(IServiceBuilder.Tmpfs), nameof(IServiceBuilder.ClusterVolume), nameof(IServiceBuilder.ClusterVolumeGroup), nameof(IServiceBuilder.NamedPipe));

    public static readonly ServiceKey<ValueList<FileReference>> Configs = Keyed(
        nameof(ServiceSpec.Configs), "configs", s => s.Configs, (s, v) => s with { Configs = v }, r => r.Source, FileReferences, (r, key) => r.Source == key.Item, nameof(IServiceBuilder.Config));

    public static readonly ServiceKey<ValueList<FileReference>> Secrets = Keyed(
        nameof(ServiceSpec.Secrets), "secrets", s => s.Secrets, (s, v) => s with { Secrets = v }, r => r.Source, FileReferences, (r, key) => r.Source == key.Item, nameof(IServiceBuilder.Secret));

    public static readonly ServiceKey<ValueMap> Environment = ServiceKey<ValueMap>.WithServiceMinimal(
        nameof(ServiceSpec.Environment),
        "environment",
        MergeKind.EnvironmentMap,
        new[] { nameof(IServiceBuilder.Environment) },
        s => s.Environment,
        (s, v) => s with { Environment = v },
        MergeRules.Environment,
        MergeRules.MinimalEnvironment,
        v => v.IsEmpty ? null : ComposeNode.Map(v),
        (v, key) => key.Item is null ? !v.IsEmpty : v.ContainsKey(key.Item));

    public static readonly ServiceKey<ValueList<string>> EnvFiles = ServiceKey<ValueList<string>>.WithServiceMinimal(
        nameof(ServiceSpec.EnvFiles),
        "env_file",
        MergeKind.AppendedList,
        new[] { nameof(IServiceBuilder.EnvFile) },
        s => s.EnvFiles,
        (s, v) => s with { EnvFiles = v },
        (b, o) => b.AddRange(o),
        MergeRules.NewEnvFiles,
        v => v.IsEmpty ? null : ComposeNode.Texts(v),
        (v, key) => key.Item is null ? !v.IsEmpty : v.Contains(key.Item));

    public static readonly ServiceKey<ValueList<PortSpec>> Ports = Keyed(
        nameof(ServiceSpec.Ports), "ports", s => s.Ports, (s, v) => s with { Ports = v }, PortKey, PortEntries, PortMatches, nameof(IServiceBuilder.Port), nameof(IServiceBuilder.TargetPort));

    public static readonly ServiceKey<ValueList<ServiceNetwork>> Networks = new(
        nameof(ServiceSpec.Networks),
        "networks",
        MergeKind.ByName,
        new[] { nameof(IServiceBuilder.Network), nameof(IServiceBuilder.NetworkDriverOption) },
        s => s.Networks,
        (s, v) => s with { Networks = v },
        MergeRules.Networks,
        NotInBase,
        v => v.IsEmpty ? null : NetworkEntries(v),
        (v, key) => key.Item is null ? !v.IsEmpty
            : key.Member == nameof(IServiceBuilder.NetworkDriverOption) ? v.Any(n => n.DriverOptions.Keys.Any(o => NetworkOption(n.Name, o) == key.Item))
            : v.Any(n => n.Name == key.Item));

    public static readonly ServiceKey<ValueList<string>> ExtraHosts = Appended(
        nameof(ServiceSpec.ExtraHosts), "extra_hosts", s => s.ExtraHosts, (s, v) => s with { ExtraHosts = v }, v => ComposeNode.Texts(v), nameof(IServiceBuilder.ExtraHost));

    public static readonly ServiceKey<ValueList<string>?> Command = Override(
        nameof(ServiceSpec.Command), "command", s => s.Command, (s, v) => s with { Command = v }, v => v is { } c ? ComposeNode.Texts(c) : null, nameof(IServiceBuilder.Command));

    public static readonly ServiceKey<ValueList<string>?> Entrypoint = Override(
        nameof(ServiceSpec.Entrypoint), "entrypoint", s => s.Entrypoint, (s, v) => s with { Entrypoint = v }, v => v is { } c ? ComposeNode.Texts(c) : null, nameof(IServiceBuilder.Entrypoint));

    public static readonly ServiceKey<string?> WorkingDir = Text(
        nameof(ServiceSpec.WorkingDir), "working_dir", s => s.WorkingDir, (s, v) => s with { WorkingDir = v }, nameof(IServiceBuilder.WorkingDir));

    public static readonly ServiceKey<HealthcheckSpec?> Healthcheck = Block(
        nameof(ServiceSpec.Healthcheck), "healthcheck", s => s.Healthcheck, (s, v) => s with { Healthcheck = v },
        MergeRules.Healthcheck, MergeRules.MinimalHealthcheck, HealthcheckBlock,
        nameof(IServiceBuilder.Healthcheck), nameof(IServiceBuilder.HealthcheckStartInterval), nameof(IServiceBuilder.DisableHealthcheck));

    public static readonly ServiceKey<LoggingSpec?> Logging = Block(
        nameof(ServiceSpec.Logging), "logging", s => s.Logging, (s, v) => s with { Logging = v },
        MergeRules.Logging, (b, o) => o is { } logging && MergeRules.Logging(b, logging) != b ? logging : null,
        LoggingBlock, nameof(IServiceBuilder.Logging), nameof(IServiceBuilder.LoggingOption));

    public static readonly ServiceKey<ValueMap> Labels = Map(
        nameof(ServiceSpec.Labels), "labels", s => s.Labels, (s, v) => s with { Labels = v }, emptyOverrides: true, nameof(IServiceBuilder.Label));

    public static readonly ServiceKey<string?> User = Text(
        nameof(ServiceSpec.User), "user", s => s.User, (s, v) => s with { User = v }, nameof(IServiceBuilder.User));

    public static readonly ServiceKey<ValueList<string>> CapAdd = Appended(
        nameof(ServiceSpec.CapAdd), "cap_add", s => s.CapAdd, (s, v) => s with { CapAdd = v }, v => ComposeNode.Texts(v), nameof(IServiceBuilder.CapAdd));

    public static readonly ServiceKey<ValueList<string>> CapDrop = Appended(
        nameof(ServiceSpec.CapDrop), "cap_drop", s => s.CapDrop, (s, v) => s with { CapDrop = v }, v => ComposeNode.Texts(v), nameof(IServiceBuilder.CapDrop));

    public static readonly ServiceKey<CredentialSpec?> CredentialSpec = new(
        nameof(ServiceSpec.CredentialSpec),
        "credential_spec",
        MergeKind.Block,
        new[] { nameof(IServiceBuilder.CredentialSpecConfig), nameof(IServiceBuilder.CredentialSpecFile), nameof(IServiceBuilder.CredentialSpecRegistry) },
        s => s.CredentialSpec,
        (s, v) => s with { CredentialSpec = v },
        MergeRules.CredentialSpec,
        (b, o) => o is not null && MergeRules.CredentialSpec(b, o) != b ? o : null,
        v => v is null ? null : new MappingNode()
            .Add("config", Optional(v.Config))
            .Add("file", Optional(v.File))
            .Add("registry", Optional(v.Registry)),
        (v, key) => key.Member switch
        {
            nameof(IServiceBuilder.CredentialSpecConfig) => v?.Config is not null,
            nameof(IServiceBuilder.CredentialSpecFile) => v?.File is not null,
            _ => v?.Registry is not null,
        });

    public static readonly ServiceKey<ServiceMode?> Mode = new(
        nameof(ServiceSpec.Mode),
        "deploy.mode",
        MergeKind.Override,
        new[] { nameof(IServiceBuilder.Global), nameof(IServiceBuilder.ReplicatedJob), nameof(IServiceBuilder.GlobalJob) },
        s => s.Mode,
        (s, v) => s with { Mode = v },
        (b, o) => o ?? b,
        (b, o) => o is { } mode && mode != b ? mode : null,
        v => v is { } mode ? ComposeNode.Text(ComposeWords.Of(mode)) : null,
        (v, key) => v is { } mode && ModeCall(mode) == key.Member);

    public static readonly ServiceKey<int?> Replicas = Number(
        nameof(ServiceSpec.Replicas), "deploy.replicas", s => s.Replicas, (s, v) => s with { Replicas = v }, nameof(IServiceBuilder.Replicas), nameof(IServiceBuilder.Disable));

    public static readonly ServiceKey<EndpointMode?> EndpointMode = Override(
        nameof(ServiceSpec.EndpointMode), "deploy.endpoint_mode", s => s.EndpointMode, (s, v) => s with { EndpointMode = v },
        v => v is { } mode ? ComposeNode.Text(ComposeWords.Of(mode)) : null, nameof(IServiceBuilder.EndpointMode));

    public static readonly ServiceKey<ValueMap> DeployLabels = Map(
        nameof(ServiceSpec.DeployLabels), "deploy.labels", s => s.DeployLabels, (s, v) => s with { DeployLabels = v }, emptyOverrides: true, nameof(IServiceBuilder.ServiceLabel));

    public static readonly ServiceKey<ValueList<string>> Constraints = Appended(
        nameof(ServiceSpec.Constraints), "deploy.placement.constraints", s => s.Constraints, (s, v) => s with { Constraints = v },
        v => ComposeNode.Texts(v), nameof(IServiceBuilder.Constraint), nameof(IServiceBuilder.PinToNode));

    public static readonly ServiceKey<ValueList<string>> Spread = Appended(
        nameof(ServiceSpec.Spread), "deploy.placement.preferences", s => s.Spread, (s, v) => s with { Spread = v },
        v => new SequenceNode(v.Select(d => (ComposeNode)new MappingNode().Add("spread", ComposeNode.Text(d))).ToList()), nameof(IServiceBuilder.Spread));

    public static readonly ServiceKey<int?> MaxReplicasPerNode = Number(
        nameof(ServiceSpec.MaxReplicasPerNode), "deploy.placement.max_replicas_per_node", s => s.MaxReplicasPerNode, (s, v) => s with { MaxReplicasPerNode = v }, nameof(IServiceBuilder.MaxReplicasPerNode));

    public static readonly ServiceKey<RestartPolicySpec?> RestartPolicy = Block(
        nameof(ServiceSpec.RestartPolicy), "deploy.restart_policy", s => s.RestartPolicy, (s, v) => s with { RestartPolicy = v },
        MergeRules.Restart, Differs, RestartBlock, nameof(IServiceBuilder.RestartPolicy));

    public static readonly ServiceKey<UpdateConfigSpec?> UpdateConfig = Block(
        nameof(ServiceSpec.UpdateConfig), "deploy.update_config", s => s.UpdateConfig, (s, v) => s with { UpdateConfig = v },
        MergeRules.Update, Differs, UpdateBlock, nameof(IServiceBuilder.UpdateConfig), nameof(IServiceBuilder.UpdateFailureRatio));

    public static readonly ServiceKey<UpdateConfigSpec?> RollbackConfig = Block(
        nameof(ServiceSpec.RollbackConfig), "deploy.rollback_config", s => s.RollbackConfig, (s, v) => s with { RollbackConfig = v },
        MergeRules.Update, Differs, UpdateBlock, nameof(IServiceBuilder.RollbackConfig), nameof(IServiceBuilder.RollbackFailureRatio));

    public static readonly ServiceKey<ResourcesSpec?> Resources = new(
        nameof(ServiceSpec.Resources),
        "deploy.resources",
        MergeKind.Block,
        new[] { nameof(IServiceBuilder.Limits), nameof(IServiceBuilder.Reservations), nameof(IServiceBuilder.PidsLimit), nameof(IServiceBuilder.GenericResource) },
        s => s.Resources,
        (s, v) => s with { Resources = v },
        MergeRules.Resources,
        MergeRules.MinimalResources,
        v => v is null ? null : ResourcesBlock(v),
        (v, key) => key.Member == nameof(IServiceBuilder.GenericResource)
            ? v?.Reservations?.GenericResources.Any(r => r.Kind == key.Item) == true
            : v is not null);

    public static readonly ServiceKey<ValueList<string>> Dns = Appended(
        nameof(ServiceSpec.Dns), "dns", s => s.Dns, (s, v) => s with { Dns = v }, v => ComposeNode.Texts(v), nameof(IServiceBuilder.Dns));

    public static readonly ServiceKey<ValueList<string>> DnsSearch = Appended(
        nameof(ServiceSpec.DnsSearch), "dns_search", s => s.DnsSearch, (s, v) => s with { DnsSearch = v }, v => ComposeNode.Texts(v), nameof(IServiceBuilder.DnsSearch));

    public static readonly ServiceKey<string?> Hostname = Text(
        nameof(ServiceSpec.Hostname), "hostname", s => s.Hostname, (s, v) => s with { Hostname = v }, nameof(IServiceBuilder.Hostname));

    public static readonly ServiceKey<string?> StopGracePeriod = new(
        nameof(ServiceSpec.StopGracePeriod),
        "stop_grace_period",
        MergeKind.Duration,
        new[] { nameof(IServiceBuilder.StopGracePeriod) },
        s => s.StopGracePeriod,
        (s, v) => s with { StopGracePeriod = v },
        (b, o) => MergeRules.Duration(o, b),
        Differs,
        v => v is null ? null : ComposeNode.Text(v),
        (v, _) => v is not null);

    public static readonly ServiceKey<bool?> Init = Flag(
        nameof(ServiceSpec.Init), "init", s => s.Init, (s, v) => s with { Init = v }, nameof(IServiceBuilder.Init));

    public static readonly ServiceKey<Isolation?> Isolation = Override(
        nameof(ServiceSpec.Isolation), "isolation", s => s.Isolation, (s, v) => s with { Isolation = v },
        v => v is { } isolation ? ComposeNode.Text(ComposeWords.Of(isolation)) : null, nameof(IServiceBuilder.Isolation));

    public static readonly ServiceKey<bool?> ReadOnly = Flag(
        nameof(ServiceSpec.ReadOnly), "read_only", s => s.ReadOnly, (s, v) => s with { ReadOnly = v }, nameof(IServiceBuilder.ReadOnly));

    public static readonly ServiceKey<bool?> StdinOpen = Flag(
        nameof(ServiceSpec.StdinOpen), "stdin_open", s => s.StdinOpen, (s, v) => s with { StdinOpen = v }, nameof(IServiceBuilder.StdinOpen));

    public static readonly ServiceKey<string?> StopSignal = Text(
        nameof(ServiceSpec.StopSignal), "stop_signal", s => s.StopSignal, (s, v) => s with { StopSignal = v }, nameof(IServiceBuilder.StopSignal));

    public static readonly ServiceKey<ValueMap> Sysctls = Map(
        nameof(ServiceSpec.Sysctls), "sysctls", s => s.Sysctls, (s, v) => s with { Sysctls = v }, emptyOverrides: true, nameof(IServiceBuilder.Sysctl));

    public static readonly ServiceKey<bool?> Tty = Flag(
        nameof(ServiceSpec.Tty), "tty", s => s.Tty, (s, v) => s with { Tty = v }, nameof(IServiceBuilder.Tty));

    public static readonly ServiceKey<ValueList<UlimitSpec>> Ulimits = new(
        nameof(ServiceSpec.Ulimits),
        "ulimits",
        MergeKind.ByName,
        new[] { nameof(IServiceBuilder.Ulimit) },
        s => s.Ulimits,
        (s, v) => s with { Ulimits = v },
        (b, o) => MergeRules.ByName(b, o, u => u.Name, (_, ou) => ou),
        NotInBase,
        v => v.IsEmpty ? null : UlimitEntries(v),
        (v, key) => key.Item is null ? !v.IsEmpty : v.Any(u => u.Name == key.Item));

    public static readonly ServiceKey<bool?> Stateful = Metadata(
        nameof(ServiceSpec.Stateful), s => s.Stateful, (s, v) => s with { Stateful = v }, nameof(IServiceBuilder.Stateful));

    public static readonly ServiceKey<bool?> Singleton = Metadata(
        nameof(ServiceSpec.Singleton), s => s.Singleton, (s, v) => s with { Singleton = v }, nameof(IServiceBuilder.Singleton));

    public static readonly ServiceKey<ValueList<RemovalRequest>> Removals = new(
        nameof(ServiceSpec.Removals),
        null,
        MergeKind.Request,
        new[] { ServiceSettings.RemoveMember },
        s => s.Removals,
        (s, v) => s with { Removals = v },
        (_, _) => ValueList<RemovalRequest>.Empty,
        (_, _) => ValueList<RemovalRequest>.Empty,
        _ => null,
        (_, _) => false);

    /// <summary>Every key, in emission order.</summary>
    public static IReadOnlyList<ServiceKey> All { get; } = new ServiceKey[]
    {
        Image, Volumes, Configs, Secrets, Environment, EnvFiles, Ports, Networks, ExtraHosts, Command, Entrypoint, WorkingDir, Healthcheck, Logging, Labels, User, Isolation,

        // dclint puts the keys it does not rank after these, alphabetically; deploy is one of them.
        CapAdd, CapDrop, CredentialSpec,
        Mode, Replicas, EndpointMode, DeployLabels, Constraints, Spread, MaxReplicasPerNode, RestartPolicy, UpdateConfig, RollbackConfig, Resources,
        Dns, DnsSearch, Hostname, Init, ReadOnly, StdinOpen, StopGracePeriod, StopSignal, Sysctls, Tty, Ulimits,
        Stateful, Singleton, Removals,
    };

    private static readonly Dictionary<string, ServiceKey> ByCall = All
        .SelectMany(k => k.Calls.Select(c => (Call: c, Key: k)))
        .ToDictionary(e => e.Call, e => e.Key, StringComparer.Ordinal);

    /// <summary>The key a provenance key's DSL member writes, or null for a member that is not a service key.</summary>
    public static ServiceKey? ForCall(string member) => ByCall.TryGetValue(member, out var key) ? key : null;

    /// <summary>
    /// The key Docker 28 merges ports by: the published port alone (not the protocol), zero-padded so that
    /// ordinal order is Docker's numeric order.
    /// </summary>
    public static string PortKey(PortSpec port) => (port.Published ?? 0).ToString("D5", CultureInfo.InvariantCulture);

    private static ServiceKey<string?> Text(string property, string path, Func<ServiceSpec, string?> get, Func<ServiceSpec, string?, ServiceSpec> set, params string[] calls) =>
        Override(property, path, get, set, v => v is null ? null : ComposeNode.Text(v), calls);

    private static ServiceKey<int?> Number(string property, string path, Func<ServiceSpec, int?> get, Func<ServiceSpec, int?, ServiceSpec> set, params string[] calls) =>
        Override(property, path, get, set, v => v is { } n ? ComposeNode.Number(n) : null, calls);

    private static ServiceKey<T> Override<T>(string property, string path, Func<ServiceSpec, T> get, Func<ServiceSpec, T, ServiceSpec> set, Func<T, ComposeNode?> emit, params string[] calls) =>
        new(property, path, MergeKind.Override, calls, get, set, (b, o) => o is null ? b : o, (b, o) => o is not null && !EqualityComparer<T>.Default.Equals(o, b) ? o : default!, emit, (v, _) => v is not null);

    private static ServiceKey<ValueMap> Map(string property, string path, Func<ServiceSpec, ValueMap> get, Func<ServiceSpec, ValueMap, ServiceSpec> set, bool emptyOverrides, params string[] calls) =>
        new(
            property,
            path,
            emptyOverrides ? MergeKind.MapByKey : MergeKind.EnvironmentMap,
            calls,
            get,
            set,
            emptyOverrides ? (b, o) => b.SetAll(o) : MergeRules.Environment,
            (b, o) => MergeRules.NewEntries(b, o, emptyOverrides),
            v => v.IsEmpty ? null : ComposeNode.Map(v),
            (v, key) => key.Item is null ? !v.IsEmpty : v.ContainsKey(key.Item));

    private static ServiceKey<ValueList<T>> Keyed<T>(string property, string path, Func<ServiceSpec, ValueList<T>> get, Func<ServiceSpec, ValueList<T>, ServiceSpec> set, Func<T, string> key, Func<ValueList<T>, ComposeNode> emit, Func<T, SettingKey, bool> matches, params string[] calls) =>
        new(
            property,
            path,
            MergeKind.KeyedList,
            calls,
            get,
            set,
            (b, o) => MergeRules.Keyed(b, o, key),
            NotInBase,
            v => v.IsEmpty ? null : emit(v),
            (v, setting) => setting.Item is null ? !v.IsEmpty : v.Any(i => matches(i, setting)));

    private static ServiceKey<ValueList<string>> Appended(string property, string path, Func<ServiceSpec, ValueList<string>> get, Func<ServiceSpec, ValueList<string>, ServiceSpec> set, Func<ValueList<string>, ComposeNode> emit, params string[] calls) =>
        new(property, path, MergeKind.AppendedList, calls, get, set, (b, o) => b.AddRange(o), NotInBase, v => v.IsEmpty ? null : emit(v), (v, key) => key.Item is null ? !v.IsEmpty : v.Contains(key.Item));

    private static ServiceKey<T?> Block<T>(string property, string path, Func<ServiceSpec, T?> get, Func<ServiceSpec, T?, ServiceSpec> set, Func<T?, T?, T?> merge, Func<T?, T?, T?> minimal, Func<T, ComposeNode> emit, params string[] calls)
        where T : class =>
        new(property, path, MergeKind.Block, calls, get, set, merge, minimal, v => v is null ? null : emit(v), (v, _) => v is not null);

    private static ServiceKey<bool?> Flag(string property, string path, Func<ServiceSpec, bool?> get, Func<ServiceSpec, bool?, ServiceSpec> set, params string[] calls) =>
        new(property, path, MergeKind.Flag, calls, get, set, (b, o) => o is true ? true : b, (b, o) => o is true && b is not true ? true : null, v => v is true ? ComposeNode.Flag(true) : null, (v, _) => v is not null);

    private static ServiceKey<bool?> Metadata(string property, Func<ServiceSpec, bool?> get, Func<ServiceSpec, bool?, ServiceSpec> set, params string[] calls) =>
        new(property, null, MergeKind.Metadata, calls, get, set, (b, o) => o ?? b, (b, o) => o is true && b is not true ? true : null, _ => null, (v, _) => v is not null);

    // The call that sets a mode; replicated is what Replicas(...) implies, so no Mode call names it.
    private static string? ModeCall(ServiceMode mode) => mode switch
    {
        ServiceMode.Global => nameof(IServiceBuilder.Global),
        ServiceMode.ReplicatedJob => nameof(IServiceBuilder.ReplicatedJob),
        ServiceMode.GlobalJob => nameof(IServiceBuilder.GlobalJob),
        _ => null,
    };

    // A published port by its number; a port Swarm publishes (TargetPort) by its target.
    private static bool PortMatches(PortSpec port, SettingKey key) =>
        key.Member == nameof(IServiceBuilder.TargetPort)
            ? port.Published is null && port.Target.ToString(CultureInfo.InvariantCulture) == key.Item
            : port.Published?.ToString(CultureInfo.InvariantCulture) == key.Item;

    /// <summary>The provenance entry of one driver option of a network attachment: <c>net/encrypted</c>.</summary>
    public static string NetworkOption(string network, string option) => network + "/" + option;

    private static ValueList<T> NotInBase<T>(ValueList<T> b, ValueList<T> o) => o.IsEmpty ? o : o.Where(item => !b.Contains(item)).ToValueList();

    private static T? Differs<T>(T? baseValue, T? value)
        where T : class => value is not null && !Equals(value, baseValue) ? value : null;

    // A bare name when only the source is set. The mode is written in decimal: YAML 1.1 readers (Docker) take 0440 as
    // octal, YAML 1.2 readers (the schema checkers) as 440.
    private static ComposeNode FileReferences(ValueList<FileReference> references) =>
        new SequenceNode(references.Select(r => r.Target is null && r.Uid is null && r.Gid is null && r.Mode is null
            ? ComposeNode.Text(r.Source)
            : new MappingNode()
                .Add("source", ComposeNode.Text(r.Source))
                .Add("target", r.Target is { } target ? ComposeNode.Text(target) : null)
                .Add("uid", r.Uid is { } uid ? ComposeNode.Text(uid) : null)
                .Add("gid", r.Gid is { } gid ? ComposeNode.Text(gid) : null)
                .Add("mode", r.Mode is { } mode ? ComposeNode.Number(mode) : null)).ToList());

    // Short syntax where it says everything, because a source like ${DATA_DIR:-data} is a volume or a bind only once
    // Docker resolves it (and existing files stay as they were); long syntax, in Docker's key order, for the options
    // only it can carry.
    private static ComposeNode MountEntries(ValueList<MountSpec> mounts) =>
        new SequenceNode(mounts.Select(m => m.Type is not { } type
            ? ComposeNode.Text(m.Source + ":" + m.Target + (m.ReadOnly ? ":ro" : string.Empty))
            : new MappingNode()
                .Add("type", ComposeNode.Text(ComposeWords.Of(type)))
                .Add("source", m.Source.Length == 0 ? null : ComposeNode.Text(m.Source))
                .Add("target", ComposeNode.Text(m.Target))
                .Add("read_only", m.ReadOnly ? ComposeNode.Flag(true) : null)
                .Add("volume", m.NoCopy ? new MappingNode().Add("nocopy", ComposeNode.Flag(true)) : null)
                .Add("bind", m.Propagation is { } propagation ? new MappingNode().Add("propagation", ComposeNode.Text(ComposeWords.Of(propagation))) : null)
                .Add("tmpfs", m.TmpfsSize is { } size ? new MappingNode().Add("size", ComposeNode.Number(size)) : null)).ToList());

    private static ComposeNode PortEntries(ValueList<PortSpec> ports) =>
        new SequenceNode(ports.Select(p => (ComposeNode)new MappingNode()
            .Add("target", ComposeNode.Number(p.Target))
            .Add("published", p.Published is { } published ? ComposeNode.Number(published) : null)
            .Add("protocol", ComposeNode.Text(ComposeWords.Of(p.Protocol)))
            .Add("mode", ComposeNode.Text(ComposeWords.Of(p.Mode)))).ToList());

    // A network without aliases is an empty mapping, not null: in an overlay it replaces the base's aliases, as the model says.
    private static ComposeNode NetworkEntries(ValueList<ServiceNetwork> networks)
    {
        var mapping = new MappingNode();
        foreach (var network in networks)
        {
            mapping.Add(network.Name, new MappingNode()
                .Add("aliases", network.Aliases.IsEmpty ? null : ComposeNode.Texts(network.Aliases))
                .Add("driver_opts", network.DriverOptions.IsEmpty ? null : ComposeNode.Map(network.DriverOptions)));
        }

        return mapping;
    }

    // One number when soft and hard agree, as people write nofile: 65535.
    private static ComposeNode UlimitEntries(ValueList<UlimitSpec> ulimits)
    {
        var mapping = new MappingNode();
        foreach (var ulimit in ulimits)
        {
            mapping.Add(ulimit.Name, ulimit.Soft == ulimit.Hard
                ? ComposeNode.Number(ulimit.Soft)
                : new MappingNode().Add("soft", ComposeNode.Number(ulimit.Soft)).Add("hard", ComposeNode.Number(ulimit.Hard)));
        }

        return mapping;
    }

    private static ComposeNode HealthcheckBlock(HealthcheckSpec health) => new MappingNode()
        .Add("test", health.Test.IsEmpty ? null : ComposeNode.Texts(health.Test))
        .Add("interval", Optional(health.Interval))
        .Add("timeout", Optional(health.Timeout))
        .Add("retries", Optional(health.Retries))
        .Add("start_period", Optional(health.StartPeriod))
        .Add("start_interval", Optional(health.StartInterval))
        .Add("disable", health.Disabled is true ? ComposeNode.Flag(true) : null);

    private static ComposeNode LoggingBlock(LoggingSpec logging) => new MappingNode()
        .Add("driver", Optional(logging.Driver))
        .Add("options", logging.Options.IsEmpty ? null : ComposeNode.Map(logging.Options));

    private static ComposeNode RestartBlock(RestartPolicySpec restart) => new MappingNode()
        .Add("condition", restart.Condition is { } condition ? ComposeNode.Text(ComposeWords.Of(condition)) : null)
        .Add("delay", Optional(restart.Delay))
        .Add("max_attempts", Optional(restart.MaxAttempts))
        .Add("window", Optional(restart.Window));

    private static ComposeNode UpdateBlock(UpdateConfigSpec update) => new MappingNode()
        .Add("parallelism", Optional(update.Parallelism))
        .Add("delay", Optional(update.Delay))
        .Add("failure_action", update.FailureAction is { } action ? ComposeNode.Text(ComposeWords.Of(action)) : null)
        .Add("monitor", Optional(update.Monitor))
        .Add("max_failure_ratio", update.MaxFailureRatio is { } ratio ? ComposeNode.Number(ratio) : null)
        .Add("order", update.Order is { } order ? ComposeNode.Text(ComposeWords.Of(order)) : null);

    private static ComposeNode ResourcesBlock(ResourcesSpec resources) => new MappingNode()
        .Add("limits", Amounts(resources.Limits))
        .Add("reservations", Amounts(resources.Reservations));

    private static ComposeNode? Amounts(ResourceAmounts? amounts) =>
        amounts is null || (amounts.Cpus is null && amounts.Memory is null && amounts.Pids is null && amounts.GenericResources.IsEmpty)
            ? null
            : new MappingNode()
                .Add("cpus", Optional(amounts.Cpus))
                .Add("memory", Optional(amounts.Memory))
                .Add("pids", Optional(amounts.Pids))
                .Add("generic_resources", amounts.GenericResources.IsEmpty ? null : GenericResourceEntries(amounts.GenericResources));

    private static ComposeNode GenericResourceEntries(ValueList<GenericResourceSpec> resources) =>
        new SequenceNode(resources.Select(r => (ComposeNode)new MappingNode()
            .Add("discrete_resource_spec", new MappingNode().Add("kind", ComposeNode.Text(r.Kind)).Add("value", ComposeNode.Number(r.Value)))).ToList());

    private static ComposeNode? Optional(string? value) => value is null ? null : ComposeNode.Text(value);

    private static ComposeNode? Optional(int? value) => value is { } number ? ComposeNode.Number(number) : null;
}
