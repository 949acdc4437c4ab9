using System.Globalization;
using System.Text;
using Iklim.StackSdk;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// A stack of <see cref="ServiceCount"/> services, each with a volume, environment, a constraint and a label, and a prod
/// profile that overrides every service. The same stack twice: as C# source for the compiler side, and as a
/// <see cref="Configure"/> the runtime builders run.
/// </summary>
public sealed class SyntheticStack
{
    public const string ClassName = "BenchStack";

    public SyntheticStack(int serviceCount) => ServiceCount = serviceCount;

    public int ServiceCount { get; }

    /// <summary>The stack as the runtime builders see it.</summary>
    public void Configure(IStackBuilder stack)
    {
        stack.Network("bench-net").External();
        stack.Node("bench-node-01").Label("type", "service").Role(NodeRole.Manager);
        for (var i = 0; i < ServiceCount; i++)
        {
            var name = Name(i);
            stack.Volume(name + "-vl");
            stack.Service(name)
                .Image($"registry.example.com/{name}:1.{Number(i)}")
                .Environment("TZ", "Europe/Istanbul")
                .Environment("SERVICE_NAME", name)
                .Environment("LOG_LEVEL", "info")
                .Network("bench-net")
                .Volume(name + "-vl", "/data")
                .Replicas(1)
                .Constraint("node.labels.type == service")
                .Label("project", "bench");
        }

        stack.Profile("prod", prod =>
        {
            prod.Node("bench-node-02").Label("type", "service");
            prod.Node("bench-node-03").Label("type", "service");
            for (var i = 0; i < ServiceCount; i++)
            {
                prod.Service(Name(i))
                    .Environment("LOG_LEVEL", "warn")
                    .Replicas(3)
                    .MaxReplicasPerNode(1)
                    .Limits(cpus: "0.5", memory: "256M");
            }
        });
    }

    /// <summary>The stack as a <c>[Stack]</c> class: one statement per call above, unrolled as a user would write it.</summary>
    public string Source()
    {
        var source = new StringBuilder();
        source.AppendLine("using Iklim.StackSdk;");
        source.AppendLine();
        source.AppendLine($"[Stack(\"bench\", BaseFile = \"docker-stack-bench.yml\")]");
        source.AppendLine($"public sealed class {ClassName} : IStackDefinition");
        source.AppendLine("{");
        source.AppendLine("    public void Configure(IStackBuilder stack)");
        source.AppendLine("    {");
        source.AppendLine("        stack.Network(\"bench-net\").External();");
        source.AppendLine("        stack.Node(\"bench-node-01\").Label(\"type\", \"service\").Role(NodeRole.Manager);");
        for (var i = 0; i < ServiceCount; i++)
        {
            var name = Name(i);
            source.AppendLine($"        stack.Volume(\"{name}-vl\");");
            source.AppendLine($"        stack.Service(\"{name}\")");
            source.AppendLine($"            .Image(\"registry.example.com/{name}:1.{Number(i)}\")");
            source.AppendLine("            .Environment(\"TZ\", \"Europe/Istanbul\")");
            source.AppendLine($"            .Environment(\"SERVICE_NAME\", \"{name}\")");
            source.AppendLine("            .Environment(\"LOG_LEVEL\", \"info\")");
            source.AppendLine("            .Network(\"bench-net\")");
            source.AppendLine($"            .Volume(\"{name}-vl\", \"/data\")");
            source.AppendLine("            .Replicas(1)");
            source.AppendLine("            .Constraint(\"node.labels.type == service\")");
            source.AppendLine("            .Label(\"project\", \"bench\");");
        }

        source.AppendLine("        stack.Profile(\"prod\", prod =>");
        source.AppendLine("        {");
        source.AppendLine("            prod.Node(\"bench-node-02\").Label(\"type\", \"service\");");
        source.AppendLine("            prod.Node(\"bench-node-03\").Label(\"type\", \"service\");");
        for (var i = 0; i < ServiceCount; i++)
        {
            source.AppendLine($"            prod.Service(\"{Name(i)}\")");
            source.AppendLine("                .Environment(\"LOG_LEVEL\", \"warn\")");
            source.AppendLine("                .Replicas(3)");
            source.AppendLine("                .MaxReplicasPerNode(1)");
            source.AppendLine("                .Limits(cpus: \"0.5\", memory: \"256M\");");
        }

        source.AppendLine("        });");
        source.AppendLine("    }");
        source.AppendLine("}");
        return source.ToString();
    }

    private static string Name(int i) => "svc-" + Number(i);

    private static string Number(int i) => i.ToString("D5", CultureInfo.InvariantCulture);
}
