using System.Globalization;
using System.Text;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// Writes a random but valid stack definition as C# source, using every evaluable form the evaluator promises:
/// chains, builder locals, consts, interpolation, concatenation, arrays, collection expressions, foreach, Env.Var,
/// Swarm.*, named and optional arguments, profiles overriding the base; and the settings the policy rules judge
/// (stateful images and mounts, pins, singletons, global mode, start-first, literal secrets, quorums, node
/// inventories), so that many stacks have IKS01xx findings.
/// </summary>
internal sealed class RandomStackSource
{
    private static readonly string[] Images = ["redis:7.2.5-alpine", "rabbitmq:3.13.7-management", "registry.iklim.co/api:1.4.2", "nginx", "quay.io/coreos/etcd:v3.5.9"];

    // Deploy-time images, made with Env by concatenation and by interpolation: the evaluator runs the real Env methods.
    private static readonly string[] ImageExpressions =
        [.. Images.Select(Quote), "Env.Var(\"REGISTRY\") + \"/worker:\" + Env.Var(\"TAG\", \"latest\")", "$\"{Env.Var(\"REGISTRY\")}/worker:{Env.Var(\"TAG\", \"1.0\", onlyWhenUnset: true)}\""];
    private static readonly string[] Constraints = ["node.labels.type == service", "node.role == manager", "node.role != worker", "node.hostname == iklim-app-01", "engine.labels.zone == b"];
    private static readonly string[] Durations = ["5s", "1m30s", "500ms", "2h"];
    private static readonly string[] Enums = ["UpdateOrder.StopFirst", "UpdateOrder.StartFirst"];

    private readonly Random _random;
    private readonly StringBuilder _code = new();
    private readonly List<string> _networks = [];
    private readonly List<string> _volumes = [];
    private readonly List<string> _secrets = [];
    private readonly List<string> _services = [];
    private int _indent;
    private int _locals;

    private RandomStackSource(int seed) => _random = new Random(seed);

    public static string Create(int seed) => new RandomStackSource(seed).Write();

    private string Write()
    {
        Line("using Iklim.StackSdk;");
        Line(string.Empty);
        Line($"[Stack(\"stack-{_random.Next(100)}\"{(Chance(2) ? ", BaseFile = \"docker-stack-x.yml\"" : string.Empty)})]");
        Line("public sealed class InfraStack : IStackDefinition");
        Open();
        Line("private const string Project = \"co.iklim\";");
        Line("private const int Base = 2;");
        Line(string.Empty);
        Line("public void Configure(IStackBuilder stack)");
        Open();
        Resources("stack");
        var services = 1 + _random.Next(5);
        for (var i = 0; i < services; i++)
        {
            Service("stack", $"svc-{i}");
        }

        if (Chance(3))
        {
            Line($"foreach (var worker in new[] {{ {string.Join(", ", Enumerable.Range(0, 1 + _random.Next(3)).Select(i => Quote("w" + i)))} }})");
            Open();
            Line($"stack.Service($\"worker-{{worker}}\").Image({Quote(Pick(Images))}).Label(\"project\", Project).Replicas(Base);");
            Close();
        }

        foreach (var profile in new[] { "prod", "staging" }.Take(_random.Next(3)))
        {
            Line($"stack.Profile({Quote(profile)}, {profile} =>");
            Open();
            if (Chance(3))
            {
                var network = $"{profile}-net";
                Line($"{profile}.Network({Quote(network)});");
                _networks.Add(network);
            }

            if (Chance(3))
            {
                Line($"{profile}.Node(\"iklim-{profile}-01\").Label(\"type\", \"service\");");
            }

            var count = 1 + _random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var name = Chance(4) || _services.Count == 0 ? $"{profile}-only-{i}" : Pick(_services);
                Service(profile, name, overriding: true);
            }

            Close("});");
        }

        Close();
        Close();
        return _code.ToString();
    }

    private void Resources(string scope)
    {
        for (var i = 0; i < _random.Next(3); i++)
        {
            var name = $"net-{i}";
            _networks.Add(name);
            Line($"{scope}.Network({Quote(name)}){Maybe(".External()")}{Maybe(".Driver(\"overlay\")")}{Maybe(".Attachable()")};");
        }

        for (var i = 0; i < _random.Next(3); i++)
        {
            var name = $"vol-{i}";
            _volumes.Add(name);
            Line($"{scope}.Volume({Quote(name)}){Maybe(".Driver(\"local\")")}{Maybe(".DriverOption(\"type\", \"nfs\")")};");
        }

        for (var i = 0; i < _random.Next(3); i++)
        {
            var name = $"secret_{i}";
            _secrets.Add(name);
            Line(Chance(2) ? $"{scope}.Secret({Quote(name)}).External();" : $"{scope}.Secret({Quote(name)}).File(\"./secrets/{name}.txt\");");
        }

        for (var i = 0; i < _random.Next(3); i++)
        {
            Line($"{scope}.Node(\"iklim-app-0{i + 1}\").Label(\"type\", \"service\").Role(NodeRole.Worker);");
        }
    }

    private void Service(string scope, string name, bool overriding = false)
    {
        if (!overriding)
        {
            _services.Add(name);
        }

        var calls = new List<string>();
        if (!overriding || Chance(3))
        {
            calls.Add($".Image({Pick(ImageExpressions)})");
        }

        for (var i = 0; i < _random.Next(4); i++)
        {
            calls.Add(Pick(
                $".Environment(\"VAR_{_random.Next(5)}\", {Pick(Quote("v" + _random.Next(9)), "$\"{Swarm.NodeHostname}-" + _random.Next(9) + "\"", "Env.Var(\"SOURCE_" + _random.Next(3) + "\")", "Project + \"-" + _random.Next(9) + "\"", "\"$apr1$x\"", "\"$$\" + Env.Required(\"SOURCE_" + _random.Next(3) + "\", \"set it\") + \"a$\"")})",
                $".Label(\"label.{_random.Next(4)}\", {Quote("l" + _random.Next(9))})",
                $".ServiceLabel(\"deploy.{_random.Next(4)}\", Project)",
                $".Constraint({Quote(Pick(Constraints))})",
                $".Replicas({Pick("0", "1", "3", "Base", "Base + 1")})",
                $".Port({8000 + _random.Next(20)}, 80{Maybe(", PortProtocol.Udp")})",
                $".Command({Pick("\"serve\", \"--port\", \"80\"", "[\"run\", Project]", "new[] { \"sh\", \"-c\", \"echo hi\" }")})",
                $".UpdateConfig(parallelism: {_random.Next(3)}, delay: {Quote(Pick(Durations))}, order: {Pick(Enums)})",
                $".RestartPolicy(RestartCondition.OnFailure, maxAttempts: {_random.Next(5)})",
                $".MaxReplicasPerNode({1 + _random.Next(2)})",
                $".Hostname($\"{name}-{{Swarm.TaskSlot}}\")",
                $".Spread(\"node.labels.zone\")",
                ".Stateful()",
                ".Singleton()",
                ".Global()",
                $".PinToNode(\"iklim-app-0{1 + _random.Next(3)}\")",
                $".RollbackConfig(order: {Pick(Enums)})",
                $".Environment({Pick("\"DB_PASSWORD\"", "\"API_TOKEN\"", "\"ACCESS_KEY\"", "\"DB_PASSWORD_FILE\"")}, {Pick("\"s3cr3t\"", "Env.Var(\"DB_PASSWORD\")", "\"/run/secrets/db\"")})",
                $".Environment(\"REDIS_SENTINEL_QUORUM\", {Quote((1 + _random.Next(3)).ToString(CultureInfo.InvariantCulture))})",
                $".Limits(memory: \"{64 * (1 + _random.Next(8))}M\")"));
        }

        if (_networks.Count > 0 && Chance(2))
        {
            calls.Add(Chance(2) ? $".Network({Quote(Pick(_networks))})" : $".Network({Quote(Pick(_networks))}, aliases: $\"{name}-{{Swarm.NodeHostname}}\")");
        }

        if (_volumes.Count > 0 && Chance(2))
        {
            calls.Add($".Volume({Pick(Quote(Pick(_volumes)), "Env.Var(\"DATA_VOLUME\", " + Quote(Pick(_volumes)) + ")")}, \"/data/{_random.Next(3)}\"{Maybe(", readOnly: true")})");
        }

        if (_secrets.Count > 0 && Chance(3))
        {
            calls.Add($".Secret({Quote(Pick(_secrets))})");
        }

        if (overriding && Chance(5))
        {
            calls.Add(".Disable()");
        }

        if (Chance(3))
        {
            var local = $"service{_locals++}";
            Line($"var {local} = {scope}.Service({Quote(name)});");
            foreach (var call in calls)
            {
                Line(local + call + ";");
            }
        }
        else
        {
            Line($"{scope}.Service({Quote(name)})");
            _indent++;
            foreach (var call in calls)
            {
                Line(call);
            }

            _code.Length -= 1;
            _code.Append(";\n");
            _indent--;
        }
    }

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private string Maybe(string text) => Chance(2) ? text : string.Empty;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string Pick(params string[] items) => items[_random.Next(items.Length)];

    private static string Quote(string text) => "\"" + text + "\"";

    private void Open()
    {
        Line("{");
        _indent++;
    }

    private void Close(string closing = "}")
    {
        _indent--;
        Line(closing);
    }

    private void Line(string text) => _code.Append(new string(' ', 4 * _indent)).Append(text).Append('\n');
}
