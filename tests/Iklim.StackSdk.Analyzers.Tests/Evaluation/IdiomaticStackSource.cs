using System.Globalization;
using System.Text;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>One generated program: its own namespace, so that many fit in one compilation.</summary>
/// <param name="Namespace">The namespace that holds the program's types.</param>
/// <param name="Source">The C# source of one file.</param>
/// <param name="Constructs">The constructs the program uses, in order of appearance.</param>
internal sealed record IdiomaticProgram(string Namespace, string Source, IReadOnlyList<string> Constructs)
{
    public string StackClass => Namespace + ".InfraStack";
}

/// <summary>
/// Writes a random stack program the way a team factors one: a conventions class, extension methods on
/// <see cref="IServiceBuilder"/> and <see cref="IStackScope"/>, instance and static helpers, records, classes, structs
/// and tuples, every kind of loop, LINQ, switch statements and expressions with patterns, dictionaries, string and
/// number operations with ordinal and invariant semantics, local functions and closures, profiles and the gateway.
/// Every piece of code is preceded by a <c>// construct: name</c> comment, so that a diagnostic can be traced back to
/// the construct that produced it (<see cref="ConstructAt"/>). Each program is a pure function of its seed.
/// </summary>
internal sealed class IdiomaticStackSource
{
    public const string ConstructMarker = "// construct: ";

    private static readonly string[] Words = ["api", "web", "jobs", "billing", "search", "auth", "mailer", "media", "reports", "queue"];
    private static readonly string[] Tiers = ["gold", "silver", "bronze", "free"];
    private static readonly string[] Teams = ["core", "data", "edge", "ops"];
    private static readonly string[] Images = ["nginx:1.27", "redis:7.2-alpine", "registry.iklim.co/api:1.4.2", "rabbitmq:3.13-management"];

    private readonly Random _random;
    private readonly string _namespace;
    private readonly StringBuilder _types = new();
    private readonly StringBuilder _members = new();
    private readonly StringBuilder _configure = new();
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly List<string> _constructs = [];
    private readonly List<string> _profiles = ["prod", "staging"];
    private bool _gateway;

    private IdiomaticStackSource(int seed, string ns)
    {
        _random = new Random(seed);
        _namespace = ns;
    }

    public static IdiomaticProgram Create(int seed, string ns = "Idiomatic") => new IdiomaticStackSource(seed, ns).Write();

    /// <summary>The construct whose code holds <paramref name="line"/> (zero-based) of <paramref name="source"/>.</summary>
    public static string ConstructAt(string source, int line)
    {
        var lines = source.Split('\n');
        for (var i = Math.Min(line, lines.Length - 1); i >= 0; i--)
        {
            var at = lines[i].IndexOf(ConstructMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return lines[i][(at + ConstructMarker.Length)..].Trim();
            }
        }

        return "(outside any construct)";
    }

    private IdiomaticProgram Write()
    {
        Construct("conventions");
        Type("Conventions", $$"""
            internal static class Conventions
            {
                public const string Project = "co.iklim";
                public static readonly string Network = "{{Pick("iklimco-net", "apps-net", "backend")}}";
                public static readonly int BaseReplicas = {{1 + _random.Next(3)}};

                public static string Placement { get; } = "node.labels.type == service";

                public static string Registry => "registry.iklim.co";
            }
            """);
        Construct("extension-methods");
        Type("ServiceConventions", $$"""
            internal static class ServiceConventions
            {
                public static IServiceBuilder Standard(this IServiceBuilder service) =>
                    service.Network(Conventions.Network).Constraint(Conventions.Placement).Label("project", Conventions.Project){{Maybe(".UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst)")}};

                public static IServiceBuilder App(this IStackScope scope, string name, string image, int replicas = 1)
                {
                    var service = scope.Service(name).Image(image).Standard();
                    return replicas == 1 ? service.Replicas(Conventions.BaseReplicas) : service.Replicas(replicas);
                }
            }
            """);
        Statements($"stack.Network(Conventions.Network){Maybe(".Attachable()")}{Maybe(".Driver(\"overlay\")")};");

        Fragment[] fragments =
        [
            StaticHelper, InstanceHelper, RecordForeach, RecordWith, ClassWithConstructor, StructAndTuples, ForBreakContinue,
            WhileAndCompound, DoWhile, ListAndOrderBy, RangeSelectWhere, ZipConcatSelectMany, Dictionary, Iterator,
            SwitchStatement, SwitchExpression, LocalFunctionAndClosure, ConditionalAndIs, StringOperations, NumbersAndMath,
            HashSetAndNameof, Recursion, Spreads, DslSweep, Profile, Gateway, LinqOverRecords, SwitchWithGuards,
            RecordStructWith, ParamsAndNullable, NestedLoops,
        ];
        var count = 3 + _random.Next(4);
        for (var k = 0; k < count; k++)
        {
            var fragment = fragments[_random.Next(fragments.Length)];
            if (_random.Next(4) == 0)
            {
                // The same code one helper level down: Configure calls an instance method that holds it.
                var outer = _configure.Length;
                fragment(k);
                var body = _configure.ToString(outer, _configure.Length - outer);
                _configure.Length = outer;
                Construct("helper-method");
                _members.Append(Indent($"{ConstructMarker}helper-method\nprivate void Part{k}(IStackBuilder stack)\n{{\n{Indent(body, 1)}}}\n\n", 1));
                Statements($"Part{k}(stack);");
            }
            else
            {
                fragment(k);
            }
        }

        var code = new StringBuilder();
        code.Append("using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.Linq;\nusing Iklim.StackSdk;\n\n");
        code.Append(CultureInfo.InvariantCulture, $"namespace {_namespace};\n\n");
        code.Append(_types);
        code.Append(CultureInfo.InvariantCulture, $"[Stack(\"idiomatic-{_random.Next(1000)}\"{(Chance(3) ? ", BaseFile = \"docker-stack-app.yml\"" : string.Empty)})]\n");
        code.Append("public sealed class InfraStack : IStackDefinition\n{\n");
        code.Append(_members);
        code.Append("    public void Configure(IStackBuilder stack)\n    {\n");
        code.Append(Indent(_configure.ToString(), 2));
        code.Append("    }\n}\n");
        return new IdiomaticProgram(_namespace, code.ToString(), _constructs.Distinct().ToList());
    }

    private delegate void Fragment(int k);

    private void StaticHelper(int k)
    {
        Construct("static-helper");
        Member("ImageOf", """
            private static string ImageOf(string repository, int major, int minor) => $"{Conventions.Registry}/{repository}:{major}.{minor:D2}";
            """);
        Statements($"stack.App(\"c{k}-{Pick(Words)}\", ImageOf({Quote(Pick(Words))}, {_random.Next(4)}, {_random.Next(12)}), {1 + _random.Next(3)});");
    }

    private void InstanceHelper(int k)
    {
        Construct("instance-helper");
        Member("AddCache", $$"""
            private int CacheReplicas { get; } = {{1 + _random.Next(3)}};

            private string Tier => "{{Pick(Tiers)}}";

            private IServiceBuilder AddCache(IStackScope scope, string name)
            {
                var cache = scope.Service(name).Image("redis:7.2-alpine").Stateful().Replicas(CacheReplicas).Standard();
                cache.Label("tier", Tier);
                return cache;
            }
            """);
        Statements($"AddCache(stack, \"c{k}-cache\"){Maybe(".MaxReplicasPerNode(1)")};");
    }

    private void DeclareComponent()
    {
        Construct("record-positional");
        Type("Component", """
            internal sealed record Component(string Name, string Image, int Replicas, bool Stateful = false)
            {
                public string Kind => this switch
                {
                    { Stateful: true } => "stateful",
                    { Replicas: > 1 } => "replicated",
                    _ => "single",
                };
            }
            """);
    }

    private void RecordForeach(int k)
    {
        DeclareComponent();
        Construct("record-foreach-if");
        Statements($$"""
            Component[] components{{k}} =
            [
                new("c{{k}}-a", "{{Pick(Images)}}", {{1 + _random.Next(3)}}),
                new Component("c{{k}}-b", "redis:7.2-alpine", {{1 + _random.Next(2)}}, Stateful: true),
                new("c{{k}}-c", "nginx:1.27", {{_random.Next(4)}}, {{Pick("true", "false")}}),
            ];
            foreach (var component in components{{k}})
            {
                var service = stack.App(component.Name, component.Image, component.Replicas).Label("kind", component.Kind);
                if (component.Stateful)
                {
                    service.Stateful(){{Maybe(".MaxReplicasPerNode(1)")}};
                }
                else if (component.Replicas > 1)
                {
                    service.Spread("node.labels.zone");
                }
            }
            """);
    }

    private void RecordWith(int k)
    {
        DeclareComponent();
        Construct("record-with");
        Statements($$"""
            var template{{k}} = new Component("c{{k}}-base", "{{Pick(Images)}}", {{1 + _random.Next(2)}});
            var scaled{{k}} = template{{k}} with { Name = "c{{k}}-scaled", Replicas = template{{k}}.Replicas + {{1 + _random.Next(3)}} };
            foreach (var component in new[] { template{{k}}, scaled{{k}} })
            {
                stack.Service(component.Name).Image(component.Image).Replicas(component.Replicas).Label("variant", component.Name.EndsWith("-base", StringComparison.Ordinal) ? "base" : "scaled");
            }
            """);
    }

    private void ClassWithConstructor(int k)
    {
        Construct("class-constructor");
        Type("TierSpec", """
            internal sealed class TierSpec
            {
                public TierSpec(string name, int weight)
                {
                    Name = name;
                    Weight = weight;
                }

                public string Name { get; }

                public int Weight { get; }

                public string Label => $"{Name}-{Weight}";
            }
            """);
        Statements($$"""
            var tier{{k}} = new TierSpec("{{Pick(Tiers)}}", {{_random.Next(4)}});
            stack.Service("c{{k}}-" + tier{{k}}.Name).Image("nginx:1.27").Replicas(tier{{k}}.Weight).Label("tier", tier{{k}}.Label);
            """);
    }

    private void StructAndTuples(int k)
    {
        Construct("struct-tuple");
        Type("PortPair", """
            internal readonly struct PortPair
            {
                public PortPair(int published, int target)
                {
                    Published = published;
                    Target = target;
                }

                public int Published { get; }

                public int Target { get; }
            }
            """);
        var first = 8000 + (100 * k) + _random.Next(50);
        Statements($$"""
            var published{{k}} = new (string Name, PortPair Ports)[]
            {
                ("c{{k}}-web", new PortPair({{first}}, 80)),
                ("c{{k}}-admin", new PortPair({{first + 50}}, {{Pick("80", "8080", "443")}})),
            };
            foreach (var (name, ports) in published{{k}})
            {
                stack.Service(name).Image("nginx:1.27").Port(ports.Published, ports.Target{{Maybe(", PortProtocol.Udp")}}).Standard();
            }

            var (host{{k}}, slots{{k}}) = ("c{{k}}-pair", {{1 + _random.Next(3)}});
            stack.Service(host{{k}}).Image("nginx:1.27").Replicas(slots{{k}});
            """);
    }

    private void ForBreakContinue(int k)
    {
        Construct("for-break-continue");
        var n = 2 + _random.Next(5);
        Statements($$"""
            for (var i = 0; i < {{n}}; i++)
            {
                if (i == {{_random.Next(n)}})
                {
                    continue;
                }

                if (i > {{1 + _random.Next(n)}})
                {
                    break;
                }

                stack.Service($"c{{k}}-worker-{i:D2}").Image("{{Pick(Images)}}").Replicas(i % 3 + 1).Environment("SHARD", $"{i}/{{n}}");
            }
            """);
    }

    private void WhileAndCompound(int k)
    {
        Construct("while-compound-assignment");
        Statements($$"""
            var replicas{{k}} = {{_random.Next(3)}};
            replicas{{k}} += {{_random.Next(3)}};
            replicas{{k}} *= 2;
            replicas{{k}}--;
            var index{{k}} = 0;
            while (index{{k}} < {{1 + _random.Next(3)}})
            {
                stack.Service($"c{{k}}-queue-{index{{k}}}").Image("rabbitmq:3.13-management").Replicas(Math.Max(replicas{{k}}, 0) + index{{k}});
                index{{k}}++;
            }
            """);
    }

    private void DoWhile(int k)
    {
        Construct("do-while");
        Statements($$"""
            var step{{k}} = 0;
            do
            {
                stack.Service($"c{{k}}-batch-{step{{k}}:X2}").Image("registry.iklim.co/api:1.4.2").Environment("STEP", $"{step{{k}},3}");
                step{{k}} += {{1 + _random.Next(5)}};
            }
            while (step{{k}} < {{1 + _random.Next(12)}});
            """);
    }

    private void ListAndOrderBy(int k)
    {
        Construct("list-orderby-distinct");
        var words = Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Quote(Pick(Words)));
        Statements($$"""
            var names{{k}} = new List<string> { {{string.Join(", ", words)}} };
            names{{k}}.Add("{{Pick(Words)}}");
            var ordered{{k}} = names{{k}}.Distinct().OrderBy(x => x, StringComparer.Ordinal).Take({{1 + _random.Next(4)}}).ToList();
            foreach (var name in ordered{{k}})
            {
                stack.Service($"c{{k}}-{name}").Image("nginx:1.27").Label("of", ordered{{k}}.Count.ToString(CultureInfo.InvariantCulture));
            }

            var byLength{{k}} = names{{k}}.OrderBy(x => x.Length).ToArray();
            stack.Service("c{{k}}-shortest").Image("nginx:1.27").Environment("NAMES", string.Join(",", byLength{{k}}));
            """);
    }

    private void RangeSelectWhere(int k)
    {
        Construct("linq-range-select-where-any-all-count");
        Statements($$"""
            var ports{{k}} = Enumerable.Range({{_random.Next(4)}}, {{1 + _random.Next(6)}}).Select(x => {{9000 + (100 * k)}} + x * 10).Where(x => x % 20 == 0).ToArray();
            var edge{{k}} = stack.Service("c{{k}}-edge").Image("nginx:1.27");
            foreach (var port in ports{{k}})
            {
                edge{{k}}.Port(port, 80);
            }

            if (ports{{k}}.Any(x => x > {{9020 + (100 * k)}}))
            {
                edge{{k}}.Label("high", "true");
            }

            edge{{k}}.Label("all-even", ports{{k}}.All(x => x % 2 == 0) ? "yes" : "no").Label("count", $"{ports{{k}}.Count(x => x > {{9000 + (100 * k)}})}");
            """);
    }

    private void ZipConcatSelectMany(int k)
    {
        Construct("linq-zip-concat-skip-repeat-selectmany-first");
        Statements($$"""
            string[] zones{{k}} = ["a", "b", "c"];
            var counts{{k}} = new[] { {{_random.Next(4)}}, {{_random.Next(4)}}, {{_random.Next(4)}} };
            var plan{{k}} = zones{{k}}.Zip(counts{{k}}, (zone, count) => $"{zone}:{count}").Concat(Enumerable.Repeat("spare:0", {{_random.Next(3)}})).Skip({{_random.Next(3)}}).ToArray();
            stack.Service("c{{k}}-planner").Image("nginx:1.27").Command(plan{{k}}).Environment("FIRST", plan{{k}}.Length > 0 ? plan{{k}}.First() : "none");
            var shards{{k}} = zones{{k}}.SelectMany(zone => Enumerable.Range(0, {{1 + _random.Next(3)}}).Select(i => $"{zone}{i}")).ToList();
            stack.Service("c{{k}}-sharded").Image("nginx:1.27").Environment("SHARDS", string.Join(",", shards{{k}}));
            """);
    }

    private void Dictionary(int k)
    {
        Construct("dictionary");
        Statements($$"""
            var settings{{k}} = new Dictionary<string, string> { ["LOG_LEVEL"] = "{{Pick("info", "debug", "warn")}}", ["MODE"] = "{{Pick(Tiers)}}" };
            settings{{k}}["REGION"] = "eu-{{_random.Next(5)}}";
            settings{{k}}.Add("EXTRA_{{_random.Next(9)}}", "x");
            var configured{{k}} = stack.Service("c{{k}}-configured").Image("nginx:1.27");
            foreach (var (key, value) in settings{{k}})
            {
                configured{{k}}.Environment(key, value);
            }

            if (settings{{k}}.ContainsKey("MODE"))
            {
                configured{{k}}.Label("mode", settings{{k}}["MODE"]);
            }

            var sizes{{k}} = new[] { ("api", {{_random.Next(4)}}), ("web", {{_random.Next(4)}}) }.ToDictionary(p => "c{{k}}-" + p.Item1, p => p.Item2);
            foreach (var pair in sizes{{k}})
            {
                stack.Service(pair.Key).Image("nginx:1.27").Replicas(pair.Value).Environment("SIZES", sizes{{k}}.Count.ToString(CultureInfo.InvariantCulture));
            }
            """);
    }

    private void Iterator(int k)
    {
        Construct("iterator-yield");
        Member("Shards", """
            private static IEnumerable<string> Shards(string prefix, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    yield return $"{prefix}-{i}";
                }

                if (count == 0)
                {
                    yield return prefix;
                }
            }
            """);
        Statements($$"""
            foreach (var shard in Shards("c{{k}}-shard", {{_random.Next(4)}}))
            {
                stack.Service(shard).Image("redis:7.2-alpine").Replicas(1).Environment("OF", Shards("x", {{_random.Next(4)}}).Count().ToString(CultureInfo.InvariantCulture));
            }
            """);
    }

    private void SwitchStatement(int k)
    {
        Construct("switch-statement");
        Statements($$"""
            var tier{{k}} = "{{Pick(Tiers)}}";
            int replicas{{k}};
            switch (tier{{k}})
            {
                case "gold":
                    replicas{{k}} = 3;
                    break;
                case "silver":
                case "bronze":
                    replicas{{k}} = 2;
                    break;
                default:
                    replicas{{k}} = 1;
                    break;
            }

            stack.Service("c{{k}}-tiered").Image("nginx:1.27").Replicas(replicas{{k}}).Label("tier", tier{{k}});
            """);
    }

    private void SwitchExpression(int k)
    {
        Construct("switch-expression-patterns");
        Member("MemoryFor", """
            private static string MemoryFor(int replicas) => replicas switch
            {
                0 => "64M",
                1 or 2 => "128M",
                > 2 and <= 4 => "256M",
                _ => "512M",
            };
            """);
        Statements($$"""
            for (var r = 0; r < 6; r += {{1 + _random.Next(3)}})
            {
                stack.Service($"c{{k}}-sized-{r}").Image("nginx:1.27").Replicas(r).Limits(memory: MemoryFor(r));
            }
            """);
    }

    private void LocalFunctionAndClosure(int k)
    {
        Construct("local-function-lambda-closure");
        Statements($$"""
            var team{{k}} = "{{Pick(Teams)}}";
            IServiceBuilder Owned{{k}}(string name, int replicas) => stack.Service(name).Image("nginx:1.27").Label("team", team{{k}}).Replicas(replicas);
            Func<int, string> nameOf{{k}} = i => $"c{{k}}-{team{{k}}}-{i}";
            Action<IServiceBuilder> tag{{k}} = s => s.ServiceLabel("owner", team{{k}});
            for (var j = 0; j < {{1 + _random.Next(3)}}; j++)
            {
                tag{{k}}(Owned{{k}}(nameOf{{k}}(j), j + 1));
            }

            team{{k}} = "{{Pick(Teams)}}-late";
            tag{{k}}(Owned{{k}}(nameOf{{k}}(9), 1));
            """);
    }

    private void ConditionalAndIs(int k)
    {
        Construct("conditional-coalesce-is");
        Statements($$"""
            string? alias{{k}} = {{Pick("true", "false")}} ? null : "c{{k}}-alias";
            object weight{{k}} = {{_random.Next(5)}};
            var aliased{{k}} = stack.Service("c{{k}}-aliased").Image("nginx:1.27").Network(Conventions.Network, alias{{k}} ?? "c{{k}}-default");
            if (weight{{k}} is int w{{k}} && w{{k}} > 2)
            {
                aliased{{k}}.Replicas(w{{k}});
            }
            else
            {
                aliased{{k}}.Replicas(1);
            }

            aliased{{k}}.Environment("HAS_ALIAS", alias{{k}} is null ? "no" : "yes");
            """);
    }

    private void StringOperations(int k)
    {
        Construct("string-operations");
        var raw = string.Join(",", Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Pick(" ", string.Empty) + Pick(Words).ToUpperInvariant()[..1] + Pick(Words)[1..] + Pick(" ", string.Empty)));
        Statements($$"""
            var raw{{k}} = "{{raw}}";
            var parts{{k}} = raw{{k}}.Split(',').Select(x => x.Trim().ToLowerInvariant()).Where(x => x.Length > 0).Distinct().ToArray();
            foreach (var part in parts{{k}})
            {
                var image = part.StartsWith("a", StringComparison.Ordinal) ? "registry.iklim.co/" + part + ":1.4.2" : string.Concat("nginx", ":", "1.27");
                stack.Service("c{{k}}-" + part.Replace("o", "0"))
                    .Image(image)
                    .Environment("UPPER", part.ToUpperInvariant())
                    .Environment("PREFIX", part.Substring(0, 2))
                    .Environment("HAS_E", part.Contains("e", StringComparison.Ordinal) ? "1" : "0")
                    .Environment("AT", part.IndexOf("e", StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture))
                    .Environment("ENDS", part.EndsWith("s", StringComparison.Ordinal).ToString());
            }

            stack.Service("c{{k}}-joined")
                .Image("nginx:1.27")
                .Environment("ALL", string.Join("|", parts{{k}}))
                .Environment("FORMATTED", string.Format(CultureInfo.InvariantCulture, "{0}-{1:D3}", parts{{k}}.Length, {{_random.Next(1000)}}))
                .Label("trimmed", "--x{{k}}--".Trim('-').TrimStart('x').TrimEnd('9'));
            """);
    }

    private void NumbersAndMath(int k)
    {
        Construct("numbers-math-invariant");
        Statements($$"""
            var cpus{{k}} = (0.25 * {{1 + _random.Next(8)}}).ToString("0.##", CultureInfo.InvariantCulture);
            var parsed{{k}} = int.Parse("{{_random.Next(5)}}", CultureInfo.InvariantCulture) + Math.Max({{_random.Next(3)}}, {{_random.Next(3)}}) - Math.Abs(-{{_random.Next(3)}});
            var clamped{{k}} = Math.Clamp(parsed{{k}}, 0, 4);
            stack.Service("c{{k}}-sized")
                .Image("nginx:1.27")
                .Limits(cpus: cpus{{k}}, memory: $"{64 * (clamped{{k}} + 1)}M")
                .Reservations(cpus: double.Parse("0.5", CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
                .Environment("RATIO", string.Create(CultureInfo.InvariantCulture, $"{clamped{{k}} / 3.0:F2}"))
                .Replicas(clamped{{k}});
            """);
    }

    private void HashSetAndNameof(int k)
    {
        Construct("hashset-nameof");
        Statements($$"""
            var seen{{k}} = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in new[] { {{string.Join(", ", Enumerable.Range(0, 3 + _random.Next(3)).Select(_ => Quote(Pick(Words))))}} })
            {
                if (!seen{{k}}.Add(name))
                {
                    continue;
                }

                stack.Service($"c{{k}}-{name}").Image("nginx:1.27").Label("kind", nameof(Conventions)).Label("member", nameof(IServiceBuilder.Replicas)).Label("seen", seen{{k}}.Count.ToString(CultureInfo.InvariantCulture));
            }
            """);
    }

    private void Recursion(int k)
    {
        Construct("recursion");
        Member("Depth", """
            private static int Depth(int n) => n <= 1 ? 1 : 1 + Depth(n / 2);
            """);
        Statements($"stack.Service(\"c{k}-deep\").Image(\"nginx:1.27\").Replicas(Depth({_random.Next(40)}));");
    }

    private void Spreads(int k)
    {
        Construct("collection-spread");
        Statements($$"""
            string[] baseArgs{{k}} = ["--log", "{{Pick("info", "debug")}}"];
            List<string> extra{{k}} = ["--port", $"{8000 + {{k}}}"];
            stack.Service("c{{k}}-cli").Image("nginx:1.27").Command([.. baseArgs{{k}}, .. extra{{k}}, "--name", "c{{k}}"]).Entrypoint("/docker-entrypoint.sh");
            """);
    }

    private void LinqOverRecords(int k)
    {
        DeclareComponent();
        Construct("linq-over-records");
        Statements($$"""
            var fleet{{k}} = new List<Component>
            {
                new("c{{k}}-zeta", "nginx:1.27", {{_random.Next(3)}}),
                new("c{{k}}-alpha", "redis:7.2-alpine", {{1 + _random.Next(3)}}, true),
                new("c{{k}}-Mid", "nginx:1.27", {{_random.Next(4)}}),
            };
            var scaled{{k}} = fleet{{k}}
                .Where(c => c.Replicas > 0 || c.Stateful)
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => c with { Replicas = c.Replicas * {{1 + _random.Next(2)}} })
                .ToDictionary(c => c.Name.ToLowerInvariant());
            foreach (var (name, component) in scaled{{k}})
            {
                stack.Service(name).Image(component.Image).Replicas(component.Replicas).Label("kind", component.Kind).Label("stateful", fleet{{k}}.Any(c => c.Stateful && c.Name.ToLowerInvariant() == name) ? "yes" : "no");
            }
            """);
    }

    private void SwitchWithGuards(int k)
    {
        DeclareComponent();
        Construct("switch-case-patterns-when");
        Member("Placement", """
            private static string Placement(Component component)
            {
                switch (component)
                {
                    case { Stateful: true } when component.Replicas > 1:
                        return "node.labels.storage == ssd";
                    case { Stateful: true }:
                        return "node.role == manager";
                    case { Replicas: 0 }:
                        return "node.labels.idle == yes";
                    default:
                        return Conventions.Placement;
                }
            }
            """);
        Statements($$"""
            foreach (var component in new[] { new Component("c{{k}}-x", "nginx:1.27", {{_random.Next(3)}}, {{Pick("true", "false")}}), new Component("c{{k}}-y", "redis:7.2-alpine", {{_random.Next(3)}}, {{Pick("true", "false")}}) })
            {
                stack.Service(component.Name).Image(component.Image).Replicas(component.Replicas).Constraint(Placement(component));
            }
            """);
    }

    private void RecordStructWith(int k)
    {
        Construct("record-struct-with");
        Type("Endpoint", """
            internal readonly record struct Endpoint(string Host, int Port)
            {
                public string Url => $"http://{Host}:{Port}";
            }
            """);
        Statements($$"""
            var primary{{k}} = new Endpoint("c{{k}}-db", {{5000 + _random.Next(100)}});
            var replica{{k}} = primary{{k}} with { Host = primary{{k}}.Host + "-replica" };
            stack.Service("c{{k}}-client").Image("nginx:1.27").Environment("PRIMARY", primary{{k}}.Url).Environment("REPLICA", replica{{k}}.Url).Environment("SAME_PORT", (primary{{k}}.Port == replica{{k}}.Port).ToString());
            """);
    }

    private void ParamsAndNullable(int k)
    {
        Construct("params-nullable");
        Member("Labelled", """
            private static IServiceBuilder Labelled(IServiceBuilder service, int? perNode, params string[] labels)
            {
                for (var i = 0; i + 1 < labels.Length; i += 2)
                {
                    service.Label(labels[i], labels[i + 1]);
                }

                return perNode is int max ? service.MaxReplicasPerNode(max) : service;
            }
            """);
        Statements($$"""
            int? perNode{{k}} = {{Pick("null", "1", "2")}};
            Labelled(stack.Service("c{{k}}-labelled").Image("nginx:1.27"), perNode{{k}} ?? {{Pick("null", "3")}}, "team", "{{Pick(Teams)}}", "tier", "{{Pick(Tiers)}}");
            Labelled(stack.Service("c{{k}}-plain").Image("nginx:1.27"), null);
            """);
    }

    private void NestedLoops(int k)
    {
        Construct("nested-loops-break");
        Statements($$"""
            string[] regions{{k}} = ["eu", "us", "ap"];
            for (var r = 0; r < regions{{k}}.Length; r++)
            {
                var made = 0;
                foreach (var size in new[] { 1, 2, 3, 4 })
                {
                    if (size > {{1 + _random.Next(4)}})
                    {
                        break;
                    }

                    if ((size + r) % 2 == {{_random.Next(2)}})
                    {
                        continue;
                    }

                    stack.Service($"c{{k}}-{regions{{k}}[r]}-{size}").Image("nginx:1.27").Replicas(size);
                    made++;
                }

                if (made == 0)
                {
                    stack.Service($"c{{k}}-{regions{{k}}[r]}-none").Image("nginx:1.27");
                }
            }
            """);
    }

    /// <summary>Every DSL member not used elsewhere, through a scope helper and an extension chain, with the settings the policy rules judge.</summary>
    private void DslSweep(int k)
    {
        Construct("dsl-sweep");
        var calls = new List<string> { ".Image(" + Pick("\"" + Pick(Images) + "\"", "Env.Var(\"REGISTRY\") + \"/worker:\" + Env.Var(\"TAG\", \"latest\")", "$\"{Env.Var(\"REGISTRY\")}/worker:{Env.Var(\"TAG\", \"2.0.1\")}\"") + ")" };
        for (var i = 0; i < 3 + _random.Next(8); i++)
        {
            calls.Add(Pick(SweepEntries(k)));
        }

        // Then a run of a quarter of the entries from a random start, so that every entry occurs in the first programs
        // of a seed however long the list grows: random picks alone miss an entry or two once the list is long, and
        // which one changes with every entry added.
        var entries = SweepEntries(k);
        var start = _random.Next(entries.Length);
        for (var j = 0; j < entries.Length / 4; j++)
        {
            calls.Add(entries[(start + j) % entries.Length]);
        }

        Member($"Resources{k}", $$"""
            private static void Resources{{k}}(IStackScope scope)
            {
                scope.Volume("c{{k}}-data"){{Maybe(".Driver(\"local\").DriverOption(\"type\", \"nfs\")")}}{{Maybe(".Named(\"c" + k + "_data\")")}}{{Maybe(".External()")}};
                scope.Secret("c{{k}}_token"){{Pick(".External()", ".File(\"./secrets/token.txt\")", ".Driver(\"vault-secrets\").DriverOption(\"path\", \"secret/c" + k + "\")")}}{{Maybe(".Named(\"c" + k + "_token_v2\")")}};
                scope.Config("c{{k}}_conf").File("./app.conf"){{Maybe(".Named(\"c" + k + "_conf_v2\")")}}{{Maybe(".TemplateDriver(\"golang\").Label(\"owner\", \"ops\")")}};
                scope.Network("c{{k}}-net"){{Maybe(".External()")}}{{Maybe(".Named(\"c" + k + "_net\")")}}{{Maybe(".Internal().Label(\"tier\", \"db\").IpamDriver(\"default\").Subnet(\"10." + (k % 250) + ".0.0/24\")")}};
                scope.Node("iklim-app-0{{1 + _random.Next(3)}}").Label("type", "service").Role(NodeRole.{{Pick("Worker", "Manager")}});
            }
            """);
        Type($"Sweep{k}", $$"""
            internal static class Sweep{{k}}
            {
                public static IServiceBuilder Swept{{k}}(this IServiceBuilder service) => service
                    {{string.Join("\n        ", calls)}};
            }
            """);
        Statements($$"""
            Resources{{k}}(stack);
            stack.Service("c{{k}}-swept").Swept{{k}}();
            """);
    }

    // One DSL call (or short chain) per entry; each entry draws its own values, so every call of this draws anew.
    private string[] SweepEntries(int k) =>
    [
        ".Hostname($\"c" + k + "-{Swarm.TaskSlot}\")",
        ".User(\"nobody\")",
        ".WorkingDir(\"/srv\")",
        ".StopGracePeriod(\"" + Pick("5s", "1m30s") + "\")",
        ".Logging(\"" + Pick("json-file", "local") + "\").LoggingOption(\"max-size\", \"" + Pick("10m", "50m") + "\")",
        ".Entrypoint(\"/bin/sh\", \"-c\")",
        ".Command(\"serve\", \"--port\", \"80\")",
        ".Environment(\"NODE\", $\"{Swarm.NodeHostname}-{Swarm.ServiceName}\")",
        ".Environment(\"SOURCE\", Env.Var(\"SOURCE_" + _random.Next(3) + "\"" + Maybe(", \"fallback\"") + "))",
        ".Environment(" + Pick("\"DB_PASSWORD\"", "\"API_TOKEN\"") + ", " + Pick("\"s3cr3t\"", "Env.Var(\"DB_PASSWORD\")") + ")",
        ".Environment(\"REDIS_SENTINEL_QUORUM\", \"" + (1 + _random.Next(3)) + "\")",
        ".Label(\"swept\", \"yes\")",
        ".ServiceLabel(\"deploy.sweep\", Conventions.Project)",
        ".Network(Conventions.Network, $\"c" + k + "-{Swarm.NodeHostname}\")",
        ".Port(" + (7000 + (10 * k) + _random.Next(10)) + ", 80, mode: PortMode.Host)",
        ".Volume(\"c" + k + "-data\", \"/data\"" + Maybe(", readOnly: true") + Maybe(", noCopy: true") + ")",
        ".Bind(\"/var/run/docker.sock\", \"/var/run/docker.sock\", readOnly: true" + Maybe(", propagation: BindPropagation." + Pick("Rprivate", "Rslave")) + ")",
        ".Tmpfs(\"/tmp\"" + Maybe(", size: " + (1024 * (1 + _random.Next(4))) + " * 1024L") + Maybe(", readOnly: true") + ")",
        ".ClusterVolume(\"c" + k + "-data\", \"/cluster\"" + Maybe(", readOnly: true") + ")",
        ".ClusterVolumeGroup(\"" + Pick("pg", "cache") + "\", \"/cluster-group\"" + Maybe(", readOnly: true") + ")",
        ".NamedPipe(@\"\\\\.\\pipe\\docker_engine\", \"//./pipe/docker_engine\")",
        ".Secret(\"c" + k + "_token\"" + Maybe(", target: \"/run/secrets/token\"") + Maybe(", uid: \"999\", mode: \"0400\"") + ")",
        ".Config(\"c" + k + "_conf\", \"/etc/app.conf\")",
        ".Healthcheck([\"CMD\", \"true\"], interval: \"10s\", timeout: \"2s\", retries: 3, startPeriod: \"5s\")",
        ".Replicas(" + _random.Next(4) + ")",
        ".Global()",
        ".EndpointMode(EndpointMode." + Pick("Vip", "Dnsrr") + ")",
        ".Constraint(\"node.role == " + Pick("manager", "worker") + "\")",
        ".PinToNode(\"iklim-app-0" + (1 + _random.Next(3)) + "\")",
        ".Spread(\"node.labels.zone\")",
        ".MaxReplicasPerNode(" + (1 + _random.Next(2)) + ")",
        ".RestartPolicy(RestartCondition.OnFailure, delay: \"5s\", maxAttempts: " + _random.Next(5) + ", window: \"1m\")",
        ".UpdateConfig(parallelism: " + _random.Next(3) + ", delay: \"10s\", order: UpdateOrder." + Pick("StartFirst", "StopFirst") + ", failureAction: FailureAction.Rollback, monitor: \"30s\")",
        ".RollbackConfig(parallelism: 1, order: UpdateOrder." + Pick("StartFirst", "StopFirst") + ", failureAction: FailureAction.Pause)",
        ".Limits(cpus: \"0.5\", memory: \"" + (64 * (1 + _random.Next(8))) + "M\")",
        ".Reservations(memory: \"64M\")",
        ".Stateful()",
        ".Singleton()",
        ".ExtraHost(\"db\", \"10.0.0." + (1 + _random.Next(9)) + "\")",
        ".EnvFile(\"./env/" + Pick("api", "worker") + ".env\")",
        ".Dns(\"10.0.0.2\").DnsSearch(\"iklim.internal\")",
        ".CapAdd(\"NET_ADMIN\").CapDrop(\"ALL\")",
        ".Sysctl(\"net.core.somaxconn\", \"" + Pick("1024", "4096") + "\")",
        ".Ulimit(\"nofile\", 1024" + Maybe(", hard: 4096") + ")",
        ".Init().ReadOnly()",
        ".Tty().StdinOpen()",
        ".StopSignal(\"SIGQUIT\")",
        ".Isolation(Isolation." + Pick("Default", "Process", "HyperV") + ")",
        // One kind of credential source per program: a second kind on the service is refused.
        (k % 3) switch { 0 => ".CredentialSpecConfig(\"c" + k + "_conf\")", 1 => ".CredentialSpecFile(\"c" + k + ".json\")", _ => ".CredentialSpecRegistry(\"c" + k + "\")" },
        ".HealthcheckStartInterval(\"2s\")",
        ".DisableHealthcheck()",
        ".TargetPort(" + (9100 + _random.Next(3)) + ")",
        ".PortRange(" + (7500 + (10 * k)) + ", 80, 3)",
        ".NetworkDriverOption(Conventions.Network, \"com.docker.network.endpoint.ifname\", \"eth1\")",
        ".UpdateFailureRatio(" + Pick("0.25", "1") + ")",
        ".RollbackFailureRatio(0.5)",
        ".PidsLimit(256)",
        ".ReplicatedJob(" + (1 + _random.Next(3)) + ")",
        ".GlobalJob()",
        ".GenericResource(\"gpu\", " + (1 + _random.Next(2)) + ").GenericResource(\"NVIDIA-GPU\", 2L)",
    ];

    private void Profile(int k)
    {
        if (_profiles.Count == 0)
        {
            Spreads(k);
            return;
        }

        var profile = _profiles[_random.Next(_profiles.Count)];
        _profiles.Remove(profile);
        Construct("profile-helper");
        Member($"Override{k}", $$"""
            private static void Override{{k}}(IProfileBuilder profile, string name, int replicas) =>
                profile.Service(name).Replicas(replicas).MaxReplicasPerNode(1){{Maybe(".RemoveEnvironment(\"MODE\")")}}{{Maybe(".RemoveConstraint(Conventions.Placement)")}}{{Maybe(".RemovePort(" + (6000 + k) + ")")}}{{Maybe(".RemoveVolume(\"/data\")")}};
            """);
        var count = 1 + _random.Next(3);
        Statements($$"""
            var overridden{{k}} = Enumerable.Range(0, {{count}}).Select(i => $"c{{k}}-p{i}").ToList();
            foreach (var name in overridden{{k}})
            {
                stack.App(name, "{{Pick(Images)}}").Environment("MODE", "base").Port({{6000 + k}}, 80).Volume("c{{k}}-vol", "/data");
            }

            stack.Volume("c{{k}}-vol");
            stack.Profile("{{profile}}", {{profile}} =>
            {
                {{profile}}.Network("c{{k}}-{{profile}}-net");
                foreach (var name in overridden{{k}}.Skip({{_random.Next(2)}}))
                {
                    Override{{k}}({{profile}}, name, {{1 + _random.Next(4)}});
                }

                {{profile}}.Service("c{{k}}-{{profile}}-only").Image("nginx:1.27").Network("c{{k}}-{{profile}}-net");
                {{(Chance(2) ? profile + ".Service(overridden" + k + "[0]).Disable();" : profile + ".Node(\"iklim-" + profile + "-01\").Label(\"type\", \"service\");")}}
            });
            """);
    }

    private void Gateway(int k)
    {
        if (_gateway)
        {
            Recursion(k);
            return;
        }

        _gateway = true;
        Construct("gateway-closures");
        var upstream = Pick(
            "upstream.RoundRobin()",
            "upstream.ConsistentHash(\"remote_addr\"" + Maybe(", hashOn: \"vars\"") + ")",
            "upstream.Balancer(UpstreamBalancer." + Pick("RoundRobin", "Ewma", "LeastConn") + ")");
        Statements($$"""
            stack.App("c{{k}}-gw", "apache/apisix:3.11.0-debian");
            var routes{{k}} = new Dictionary<string, string> { ["auth"] = "/v1/auth/*", ["users"] = "/v1/users/*" };
            var gateway{{k}} = stack.Gateway("c{{k}}-gw")
                .Etcd(["http://etcd:2379"], prefix: "/apisix", timeout: {{10 + _random.Next(30)}})
                .RealIp("X-Forwarded-For", "10.0.0.0/8", "172.16.0.0/12")
                .AdminApi("APISIX_ADMIN_KEY", "10.0.0.0/8")
                .Upstream("c{{k}}-up", upstream => {{upstream}}.Name("c{{k}}-up").Node("c{{k}}-api", 8080, weight: {{1 + _random.Next(3)}}).Timeout(connect: 5, send: 60, read: 60).Scheme("http").HealthCheck("/health"));
            var limit{{k}} = {{1 + _random.Next(60)}};
            foreach (var (id, path) in routes{{k}})
            {
                gateway{{k}}.Route(id, route => route.Name(id).Uri(path).Methods("GET", "POST").Upstream("c{{k}}-up").LimitCount(limit{{k}}, 60));
            }

            gateway{{k}}.Route("ws", route => route.Uri("/ws").Upstream("c{{k}}-up").WebSocket().LimitConn(5, burst: 0, defaultConnDelay: 0.1));
            gateway{{k}}.GlobalRule("1", rule => rule.LimitCount(limit{{k}} * 2, 60, allowDegradation: true));
            gateway{{k}}.GlobalRule("2", rule => rule.LimitConn(10, burst: 5, defaultConnDelay: 0.5));
            """);
    }

    private void Construct(string name)
    {
        _constructs.Add(name);
        Statements(ConstructMarker + name);
    }

    private void Type(string key, string code)
    {
        if (_declared.Add("type:" + key))
        {
            _types.Append(ConstructMarker).Append(_constructs[^1]).Append('\n').Append(code.ReplaceLineEndings("\n")).Append("\n\n");
        }
    }

    private void Member(string key, string code)
    {
        if (_declared.Add("member:" + key))
        {
            _members.Append(Indent(ConstructMarker + _constructs[^1] + "\n" + code.ReplaceLineEndings("\n") + "\n\n", 1));
        }
    }

    private void Statements(string code) => _configure.Append(code.ReplaceLineEndings("\n")).Append('\n');

    private static string Indent(string code, int levels)
    {
        var prefix = new string(' ', 4 * levels);
        return string.Join("\n", code.Split('\n').Select(line => line.Length > 0 ? prefix + line : line));
    }

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private string Maybe(string text) => Chance(2) ? text : string.Empty;

    private string Pick(params string[] items) => items[_random.Next(items.Length)];

    private static string Quote(string text) => "\"" + text + "\"";
}
