using System.Globalization;

namespace Iklim.StackSdk.Model.Keys;

/// <summary>The provenance keys the rules point findings at, each named by the DSL member that writes it.</summary>
internal static class ServiceSettings
{
    public static SettingKey Image => SettingKey.Of(nameof(IServiceBuilder.Image));

    public static SettingKey Replicas => SettingKey.Of(nameof(IServiceBuilder.Replicas));

    public static SettingKey Global => SettingKey.Of(nameof(IServiceBuilder.Global));

    public static SettingKey MaxReplicasPerNode => SettingKey.Of(nameof(IServiceBuilder.MaxReplicasPerNode));

    public static SettingKey UpdateConfig => SettingKey.Of(nameof(IServiceBuilder.UpdateConfig));

    public static SettingKey RollbackConfig => SettingKey.Of(nameof(IServiceBuilder.RollbackConfig));

    public static SettingKey Stateful => SettingKey.Of(nameof(IServiceBuilder.Stateful));

    public static SettingKey Singleton => SettingKey.Of(nameof(IServiceBuilder.Singleton));

    public static SettingKey Healthcheck => SettingKey.Of(nameof(IServiceBuilder.Healthcheck));

    public static SettingKey Constraint(string constraint) => SettingKey.Of(nameof(IServiceBuilder.Constraint), constraint);

    /// <summary>A mount, by its target (<c>Volume(...)</c> and <c>Bind(...)</c> both record it so).</summary>
    public static SettingKey Volume(string target) => SettingKey.Of(nameof(IServiceBuilder.Volume), target);

    public static SettingKey Environment(string name) => SettingKey.Of(nameof(IServiceBuilder.Environment), name);

    public static SettingKey Port(int published) => SettingKey.Of(nameof(IServiceBuilder.Port), published.ToString(CultureInfo.InvariantCulture));

    /// <summary>The member name of every removal request's key; not a DSL member, since four calls share it.</summary>
    public const string RemoveMember = "Remove";

    /// <summary>A removal request: <c>Remove:environment:DEBUG</c>.</summary>
    public static SettingKey Removal(RemovalRequest removal) => SettingKey.Of(RemoveMember, removal.Key + ":" + removal.Item);
}
