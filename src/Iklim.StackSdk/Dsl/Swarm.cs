namespace Iklim.StackSdk;

/// <summary>
/// Swarm's service templates, kept verbatim in the emitted files: Swarm expands them per task.
/// </summary>
/// <example><code>.Hostname($"rabbitmq-{Swarm.NodeHostname}") // rabbitmq-{{.Node.Hostname}}</code></example>
public static class Swarm
{
    /// <summary><c>{{.Node.Hostname}}</c>: the hostname of the node running the task.</summary>
    public const string NodeHostname = "{{.Node.Hostname}}";

    /// <summary><c>{{.Node.ID}}</c>.</summary>
    public const string NodeId = "{{.Node.ID}}";

    /// <summary><c>{{.Service.Name}}</c>.</summary>
    public const string ServiceName = "{{.Service.Name}}";

    /// <summary><c>{{.Service.ID}}</c>.</summary>
    public const string ServiceId = "{{.Service.ID}}";

    /// <summary><c>{{.Task.Name}}</c>.</summary>
    public const string TaskName = "{{.Task.Name}}";

    /// <summary><c>{{.Task.Slot}}</c>.</summary>
    public const string TaskSlot = "{{.Task.Slot}}";
}
