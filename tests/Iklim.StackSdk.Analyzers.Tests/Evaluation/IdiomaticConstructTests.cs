using System.Globalization;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Iklim.StackSdk.Emitting;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>
/// Issue 15, one construct at a time: a small Configure written with the construct must evaluate without IKS0001 to
/// the model of the literal calls that C# semantics give for it (written out by hand in each test, and checked against
/// the runtime builders running the construct itself); members no build can know, or whose result depends on the
/// culture, stay IKS0001 at the member, naming it.
/// </summary>
public sealed class IdiomaticConstructTests
{
    [Fact]
    public void StaticMethod_ExpressionBodied() => Check(
        members: """private static string ImageOf(string name, int major) => $"registry.iklim.co/{name}:{major}.0";""",
        body: """stack.Service("api").Image(ImageOf("api", 2));""",
        expected: """stack.Service("api").Image("registry.iklim.co/api:2.0");""");

    [Fact]
    public void InstanceMethod_WithBlockBodyAndReturn() => Check(
        members: """
            private IServiceBuilder Web(IStackScope scope, string name)
            {
                var service = scope.Service(name);
                service.Image("nginx:1.27.2");
                return service.Replicas(2);
            }
            """,
        body: """Web(stack, "web").Label("tier", "front");""",
        expected: """stack.Service("web").Image("nginx:1.27.2").Replicas(2).Label("tier", "front");""");

    [Fact]
    public void ExtensionMethods_OnServiceBuilderAndScope_WithOptionalAndNamedArguments() => Check(
        types: """
            internal static class Conventions
            {
                public static IServiceBuilder Standard(this IServiceBuilder service) => service.Network("apps-net").Label("project", "co.iklim");

                public static IServiceBuilder App(this IStackScope scope, string name, int replicas = 2) =>
                    scope.Service(name).Image($"registry.iklim.co/{name}:1.0").Standard().Replicas(replicas);
            }
            """,
        body: """
            stack.Network("apps-net");
            stack.App("api");
            stack.App("jobs", replicas: 1);
            stack.Profile("prod", prod => prod.App("api", 3));
            """,
        expected: """
            stack.Network("apps-net");
            stack.Service("api").Image("registry.iklim.co/api:1.0").Network("apps-net").Label("project", "co.iklim").Replicas(2);
            stack.Service("jobs").Image("registry.iklim.co/jobs:1.0").Network("apps-net").Label("project", "co.iklim").Replicas(1);
            stack.Profile("prod", prod => prod.Service("api").Image("registry.iklim.co/api:1.0").Network("apps-net").Label("project", "co.iklim").Replicas(3));
            """);

    [Fact]
    public void LocalFunction_SeesTheCapturedVariableAsReassigned() => Check(
        body: """
            var team = "core";
            IServiceBuilder Owned(string name) => stack.Service(name).Label("team", team);
            Owned("a");
            team = "data";
            Owned("b");
            """,
        expected: """
            stack.Service("a").Label("team", "core");
            stack.Service("b").Label("team", "data");
            """);

    [Fact]
    public void Lambdas_FuncAndAction() => Check(
        body: """
            var prefix = "w";
            Func<int, string> nameOf = i => $"{prefix}-{i}";
            Action<IServiceBuilder> tag = s => s.Label("owner", "ops");
            tag(stack.Service(nameOf(1)));
            tag(stack.Service(nameOf(2)).Replicas(2));
            """,
        expected: """
            stack.Service("w-1").Label("owner", "ops");
            stack.Service("w-2").Replicas(2).Label("owner", "ops");
            """);

    [Fact]
    public void Class_WithConstructorAndProperties() => Check(
        types: """
            internal sealed class Spec
            {
                public Spec(string name, int replicas)
                {
                    Name = name;
                    Replicas = replicas;
                }

                public string Name { get; }

                public int Replicas { get; }

                public string Image => Name + ":1.0";
            }
            """,
        body: """
            var spec = new Spec("api", 2);
            stack.Service(spec.Name).Image(spec.Image).Replicas(spec.Replicas);
            """,
        expected: """stack.Service("api").Image("api:1.0").Replicas(2);""");

    [Fact]
    public void PositionalRecord_WithExpression() => Check(
        types: """internal sealed record Component(string Name, int Replicas = 1);""",
        body: """
            var a = new Component("a");
            var b = a with { Name = "b", Replicas = a.Replicas + 2 };
            foreach (var component in new[] { a, b })
            {
                stack.Service(component.Name).Replicas(component.Replicas);
            }
            """,
        expected: """
            stack.Service("a").Replicas(1);
            stack.Service("b").Replicas(3);
            """);

    [Fact]
    public void Struct_WithConstructor() => Check(
        types: """
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
            """,
        body: """
            var pair = new PortPair(8080, 80);
            stack.Service("web").Port(pair.Published, pair.Target);
            """,
        expected: """stack.Service("web").Port(8080, 80);""");

    [Fact]
    public void Tuples_NamedElementsAndDeconstruction() => Check(
        body: """
            var (name, replicas) = ("api", 2);
            stack.Service(name).Replicas(replicas);
            foreach (var (service, count) in new[] { ("a", 1), ("b", 3) })
            {
                stack.Service(service).Replicas(count);
            }

            (string Name, int Port) web = ("web", 8080);
            stack.Service(web.Name).Port(web.Port, 80);
            """,
        expected: """
            stack.Service("api").Replicas(2);
            stack.Service("a").Replicas(1);
            stack.Service("b").Replicas(3);
            stack.Service("web").Port(8080, 80);
            """);

    [Fact]
    public void ConstStaticReadonlyAndGetOnlyProperties() => Check(
        members: """
            private const string Project = "co.iklim";
            private static readonly string Net = "apps-net";
            private static readonly string[] Zones = ["a", "b"];

            private static int Base { get; } = 1;

            private int Replicas { get; } = Base + 2;

            private string Tier => "gold";
            """,
        body: """
            stack.Network(Net);
            foreach (var zone in Zones)
            {
                stack.Service($"{Tier}-{zone}").Network(Net).Label("project", Project).Replicas(Replicas);
            }
            """,
        expected: """
            stack.Network("apps-net");
            stack.Service("gold-a").Network("apps-net").Label("project", "co.iklim").Replicas(3);
            stack.Service("gold-b").Network("apps-net").Label("project", "co.iklim").Replicas(3);
            """);

    [Fact]
    public void ForLoop() => Check(
        body: """
            for (var i = 0; i < 3; i++)
            {
                stack.Service($"w-{i}").Replicas(i);
            }
            """,
        expected: """
            stack.Service("w-0").Replicas(0);
            stack.Service("w-1").Replicas(1);
            stack.Service("w-2").Replicas(2);
            """);

    [Fact]
    public void WhileLoop_WithBreak() => Check(
        body: """
            var i = 0;
            while (true)
            {
                if (i == 2)
                {
                    break;
                }

                stack.Service($"w-{i}");
                i++;
            }
            """,
        expected: """
            stack.Service("w-0");
            stack.Service("w-1");
            """);

    [Fact]
    public void DoWhileLoop_RunsTheBodyBeforeTheCondition() => Check(
        body: """
            var i = 5;
            do
            {
                stack.Service($"w-{i}");
                i += 10;
            }
            while (i < 20);
            var never = 100;
            do
            {
                stack.Service($"once-{never}");
            }
            while (never < 0);
            """,
        expected: """
            stack.Service("w-5");
            stack.Service("w-15");
            stack.Service("once-100");
            """);

    [Fact]
    public void ForeachWithContinue() => Check(
        body: """
            foreach (var name in new[] { "a", "skip", "b" })
            {
                if (name == "skip")
                {
                    continue;
                }

                stack.Service(name);
            }
            """,
        expected: """
            stack.Service("a");
            stack.Service("b");
            """);

    [Fact]
    public void ListOfT_InitialiserAddIndexerAndCount() => Check(
        body: """
            var names = new List<string> { "a" };
            names.Add("b");
            names[0] = "c";
            foreach (var name in names)
            {
                stack.Service(name).Replicas(names.Count);
            }
            """,
        expected: """
            stack.Service("c").Replicas(2);
            stack.Service("b").Replicas(2);
            """);

    [Fact]
    public void Dictionary_InitialiserIndexerAddContainsKeyAndInsertionOrder() => Check(
        body: """
            var env = new Dictionary<string, string> { ["A"] = "1" };
            env["B"] = "2";
            env["A"] = "3";
            env.Add("C", "4");
            var service = stack.Service("api");
            foreach (var pair in env)
            {
                service.Environment(pair.Key, pair.Value);
            }

            foreach (var (key, value) in env)
            {
                service.Label(key.ToLowerInvariant(), value);
            }

            if (env.ContainsKey("B") && !env.ContainsKey("Z"))
            {
                service.Replicas(env.Count);
            }
            """,
        expected: """
            stack.Service("api")
                .Environment("A", "3").Environment("B", "2").Environment("C", "4")
                .Label("a", "3").Label("b", "2").Label("c", "4")
                .Replicas(3);
            """);

    [Fact]
    public void HashSet_AddReportsWhetherNew() => Check(
        body: """
            var seen = new HashSet<string>(StringComparer.Ordinal) { "a" };
            var added = seen.Add("a") ? "yes" : "no";
            seen.Add("b");
            stack.Service("x").Replicas(seen.Count).Label("added", added).Label("has-b", seen.Contains("b") ? "1" : "0");
            """,
        expected: """stack.Service("x").Replicas(2).Label("added", "no").Label("has-b", "1");""");

    [Fact]
    public void IteratorMethod_YieldReturn() => Check(
        members: """
            private static IEnumerable<string> Names(int count)
            {
                yield return "first";
                for (var i = 0; i < count; i++)
                {
                    yield return $"n{i}";
                }
            }
            """,
        body: """
            foreach (var name in Names(2))
            {
                stack.Service(name);
            }
            """,
        expected: """
            stack.Service("first");
            stack.Service("n0");
            stack.Service("n1");
            """);

    [Fact]
    public void SwitchStatement_WithGroupedCasesAndDefault() => Check(
        members: """
            private static int ReplicasFor(string tier)
            {
                switch (tier)
                {
                    case "gold":
                        return 3;
                    case "silver":
                    case "bronze":
                        return 2;
                    default:
                        return 1;
                }
            }
            """,
        body: """
            foreach (var tier in new[] { "gold", "bronze", "free" })
            {
                stack.Service(tier).Replicas(ReplicasFor(tier));
            }
            """,
        expected: """
            stack.Service("gold").Replicas(3);
            stack.Service("bronze").Replicas(2);
            stack.Service("free").Replicas(1);
            """);

    [Fact]
    public void SwitchExpression_WithRelationalLogicalPropertyAndTypePatterns() => Check(
        types: """internal sealed record Component(string Name, int Replicas, bool Stateful);""",
        members: """
            private static string Memory(int replicas) => replicas switch
            {
                0 => "64M",
                1 or 2 => "128M",
                > 2 and <= 4 => "256M",
                _ => "512M",
            };

            private static string Kind(object value) => value switch
            {
                Component { Stateful: true } => "stateful",
                Component { Replicas: > 1 } c => "replicated-" + c.Name,
                string s => "text-" + s,
                _ => "other",
            };
            """,
        body: """
            stack.Service("a").Limits(memory: Memory(0)).Label("kind", Kind(new Component("a", 3, true)));
            stack.Service("b").Limits(memory: Memory(2)).Label("kind", Kind(new Component("b", 3, false)));
            stack.Service("c").Limits(memory: Memory(4)).Label("kind", Kind("c"));
            stack.Service("d").Limits(memory: Memory(9)).Label("kind", Kind(7));
            """,
        expected: """
            stack.Service("a").Limits(memory: "64M").Label("kind", "stateful");
            stack.Service("b").Limits(memory: "128M").Label("kind", "replicated-b");
            stack.Service("c").Limits(memory: "256M").Label("kind", "text-c");
            stack.Service("d").Limits(memory: "512M").Label("kind", "other");
            """);

    [Fact]
    public void If_OnComputedConditions() => Check(
        body: """
            var replicas = 3;
            var name = "api";
            if (replicas > 2 && name.StartsWith("a", StringComparison.Ordinal) || false)
            {
                stack.Service(name).Replicas(replicas);
            }
            else
            {
                stack.Service("wrong");
            }

            if (!(replicas == 3))
            {
                stack.Service("also-wrong");
            }
            """,
        expected: """stack.Service("api").Replicas(3);""");

    [Fact]
    public void CompoundAssignmentAndIncrements() => Check(
        body: """
            var r = 2;
            r += 2;
            r *= 3;
            r -= 1;
            r++;
            ++r;
            r--;
            r /= 2;
            r %= 4;
            var name = "w";
            name += "-" + r;
            stack.Service(name).Replicas(r);
            """,
        expected: """stack.Service("w-2").Replicas(2);""");

    [Fact]
    public void ConditionalCoalesceAndIs() => Check(
        body: """
            string? alias = null;
            object weight = 3;
            var replicas = weight is int n && n > 2 ? n : 0;
            stack.Service("api").Network("net", alias ?? "fallback").Replicas(replicas).Label("alias", alias is null ? "none" : alias);
            stack.Network("net");
            """,
        expected: """
            stack.Service("api").Network("net", "fallback").Replicas(3).Label("alias", "none");
            stack.Network("net");
            """);

    [Fact]
    public void Interpolation_WithFormatSpecifiersAndAlignment() => Check(
        body: """
            var slot = 7;
            stack.Service("api")
                .Environment("PADDED", $"{slot:D3}-{255:X2}-{255:x4}|{3,4}|{-3,-4}|")
                .Environment("RATIO", string.Create(CultureInfo.InvariantCulture, $"{slot / 2.0:F2}|{1234.5:N1}"))
                .Environment("INVARIANT", FormattableString.Invariant($"{0.25:0.##}"));
            """,
        expected: """
            stack.Service("api")
                .Environment("PADDED", "007-FF-00ff|   3|-3  |")
                .Environment("RATIO", "3.50|1,234.5")
                .Environment("INVARIANT", "0.25");
            """);

    [Fact]
    public void Nameof() => Check(
        body: """
            var local = 1;
            stack.Service(nameof(InfraStack).ToLowerInvariant()).Label("member", nameof(IServiceBuilder.Replicas)).Label("local", nameof(local));
            """,
        expected: """stack.Service("infrastack").Label("member", "Replicas").Label("local", "local");""");

    [Fact]
    public void StringMembers_OrdinalAndInvariant() => Check(
        body: """
            var raw = " Api, Web ,jobs ";
            var parts = raw.Split(',');
            var first = parts[0].Trim().ToLowerInvariant();
            stack.Service(first)
                .Environment("JOINED", string.Join("|", parts))
                .Environment("CONCAT", string.Concat("a", "b", "c"))
                .Environment("FORMAT", string.Format(CultureInfo.InvariantCulture, "{0}-{1:D2}", first, 5))
                .Environment("REPLACED", "a-b-c".Replace("-", "_"))
                .Environment("TRIMMED", "--x--".Trim('-') + "|" + "  y".TrimStart() + "|" + "z  ".TrimEnd())
                .Environment("SUB", "registry".Substring(2, 3) + "registry".Substring(5))
                .Environment("UPPER", "istanbul".ToUpperInvariant())
                .Environment("STARTS", "redis".StartsWith("re", StringComparison.Ordinal).ToString())
                .Environment("ENDS", "redis".EndsWith("IS", StringComparison.Ordinal).ToString())
                .Environment("CONTAINS", "redis".Contains("di", StringComparison.Ordinal).ToString())
                .Environment("INDEX", "redis".IndexOf("is", StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture))
                .Environment("LENGTH", parts.Length.ToString(CultureInfo.InvariantCulture));
            """,
        expected: """
            stack.Service("api")
                .Environment("JOINED", " Api| Web |jobs ")
                .Environment("CONCAT", "abc")
                .Environment("FORMAT", "api-05")
                .Environment("REPLACED", "a_b_c")
                .Environment("TRIMMED", "x|y|z")
                .Environment("SUB", "gistry")
                .Environment("UPPER", "ISTANBUL")
                .Environment("STARTS", "True")
                .Environment("ENDS", "False")
                .Environment("CONTAINS", "True")
                .Environment("INDEX", "3")
                .Environment("LENGTH", "3");
            """);

    [Fact]
    public void NumbersAndMath_Invariant() => Check(
        body: """
            var parsed = int.Parse("42", CultureInfo.InvariantCulture);
            var cpus = double.Parse("0.25", CultureInfo.InvariantCulture) * 2;
            stack.Service("api")
                .Replicas(Math.Clamp(parsed, 0, 4) + Math.Max(1, 2) - Math.Min(1, 2) + Math.Abs(-1))
                .Limits(cpus: cpus.ToString("0.0#", CultureInfo.InvariantCulture), memory: (64 * 4).ToString(CultureInfo.InvariantCulture) + "M")
                .Environment("PARSED", parsed.ToString("D4", CultureInfo.InvariantCulture));
            """,
        expected: """
            stack.Service("api")
                .Replicas(6)
                .Limits(cpus: "0.5", memory: "256M")
                .Environment("PARSED", "0042");
            """);

    [Fact]
    public void CollectionSpreads_OfArraysAndLists() => Check(
        body: """
            string[] common = ["--log", "info"];
            List<string> extra = ["--port", "80"];
            stack.Service("api").Command([.. common, .. extra, "--name", "api"]);
            """,
        expected: """stack.Service("api").Command("--log", "info", "--port", "80", "--name", "api");""");

    [Fact]
    public void Linq_SelectWhereRangeRepeatConcatSkipTakeDistinctZip() => Check(
        body: """
            var odd = Enumerable.Range(1, 5).Where(i => i % 2 == 1).Select(i => $"s{i}").ToArray();
            var mixed = Enumerable.Repeat("r", 2).Concat(new[] { "c", "d" }).Skip(1).Take(2).ToList();
            var distinct = new[] { "a", "a", "b" }.Distinct().ToArray();
            var zipped = new[] { "a", "b" }.Zip(new[] { 1, 2, 3 }, (name, n) => name + n).ToArray();
            stack.Service("api").Command(odd).Entrypoint([.. mixed, .. distinct, .. zipped]);
            """,
        expected: """stack.Service("api").Command("s1", "s3", "s5").Entrypoint("r", "c", "a", "b", "a1", "b2");""");

    [Fact]
    public void Linq_OrderByOrdinalAndNumbers_SelectMany_ToDictionary() => Check(
        body: """
            var ordinal = new[] { "b", "a", "B", "İ", "i" }.OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var numbers = new[] { 3, 1, 2 }.OrderBy(x => x).Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray();
            var byLength = new[] { "ccc", "a", "bb", "d" }.OrderBy(x => x.Length).ToArray();
            var expanded = new[] { "a", "b" }.SelectMany(x => new[] { x + "1", x + "2" }).ToList();
            var sizes = new[] { ("api", 2), ("web", 1) }.ToDictionary(p => p.Item1, p => p.Item2);
            stack.Service("api").Command(ordinal).Entrypoint([.. numbers, .. byLength, .. expanded]).Replicas(sizes["api"]);
            stack.Service("web").Replicas(sizes["web"]);
            """,
        expected: """
            stack.Service("api").Command("B", "a", "b", "i", "İ").Entrypoint("1", "2", "3", "a", "d", "bb", "ccc", "a1", "a2", "b1", "b2").Replicas(2);
            stack.Service("web").Replicas(1);
            """);

    [Fact]
    public void Linq_AnyAllCountFirst() => Check(
        body: """
            var ports = new List<int> { 8080, 8081, 9090 };
            stack.Service("api")
                .Label("any", ports.Any(p => p > 9000) ? "yes" : "no")
                .Label("all", ports.All(p => p > 8080) ? "yes" : "no")
                .Label("count", ports.Count(p => p < 9000).ToString(CultureInfo.InvariantCulture))
                .Port(ports.First(), 80)
                .Port(ports.First(p => p > 9000), 81);
            """,
        expected: """
            stack.Service("api")
                .Label("any", "yes")
                .Label("all", "no")
                .Label("count", "2")
                .Port(8080, 80)
                .Port(9090, 81);
            """);

    [Theory]
    [InlineData("DateTime.Now.ToString(\"yyyy\", CultureInfo.InvariantCulture)", "Now")]
    [InlineData("DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture)", "UtcNow")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") ?? \"x\"", "GetEnvironmentVariable")]
    [InlineData("Environment.MachineName", "MachineName")]
    [InlineData("System.IO.File.ReadAllText(\"tag.txt\")", "ReadAllText")]
    [InlineData("System.IO.Directory.GetFiles(\".\").Length.ToString(CultureInfo.InvariantCulture)", "GetFiles")]
    [InlineData("new Random().Next(9).ToString(CultureInfo.InvariantCulture)", "Random")]
    [InlineData("Random.Shared.Next(9).ToString(CultureInfo.InvariantCulture)", "Shared")]
    [InlineData("Guid.NewGuid().ToString(\"N\")", "NewGuid")]
    public void MemberNoBuildCanKnow_IsIKS0001AtTheMember_NamingIt(string expression, string member) =>
        CheckRefused($"var tag = {expression};\nstack.Service(\"api\").Image(\"registry.iklim.co/api:\" + tag);", member, member);

    [Theory]
    [InlineData("\"API\".ToLower()", "ToLower", "ToLowerInvariant")]
    [InlineData("\"api\".ToUpper()", "ToUpper", "ToUpperInvariant")]
    [InlineData("1.5.ToString()", "ToString", "InvariantCulture")]
    [InlineData("(0.25 * 2).ToString(\"0.##\")", "ToString", "InvariantCulture")]
    [InlineData("double.Parse(\"0.5\").ToString(CultureInfo.InvariantCulture)", "Parse", "InvariantCulture")]
    public void CultureSensitiveOverload_IsIKS0001_SuggestingTheInvariantOne(string expression, string memberToken, string suggestion) =>
        CheckRefused($"var tag = {expression};\nstack.Service(\"api\").Label(\"tag\", tag);", memberToken, suggestion);

    /// <summary>Item 4 of the issue: the build stops an endless loop in a helper with IKS0001 and goes on; it never hangs.</summary>
    [Fact(Timeout = 600_000)]
    public async Task EndlessLoopInAHelper_EndsWithIKS0001_AtTheStepBudget()
    {
        var source = Source(
            string.Empty,
            """
            private static int Spin()
            {
                var i = 0;
                while (true)
                {
                    i++;
                }
            }
            """,
            """stack.Service("api").Replicas(Spin());""");
        var diagnostics = await AnalyzeWithin(source);
        var refused = Assert.Single(diagnostics, d => d.Id == "IKS0001");
        Assert.Contains("step", refused.GetMessage(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LineOf(source, "stack.Service(\"api\").Replicas(Spin());"), refused.Location.GetLineSpan().StartLinePosition.Line);
    }

    /// <summary>Deep recursion ends the same way, without a stack overflow (which would end the test process, and the build).</summary>
    [Fact(Timeout = 600_000)]
    public async Task EndlessRecursionInAHelper_EndsWithIKS0001_WithoutStackOverflow()
    {
        var source = Source(
            string.Empty,
            """private static int Deeper(int n) => Deeper(n + 1) + 1;""",
            """stack.Service("api").Replicas(Deeper(0));""");
        var diagnostics = await AnalyzeWithin(source);
        Assert.Contains(diagnostics, d => d.Id == "IKS0001");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>
    /// Analyses with a guard against a hang. The guard is not a speed check (that belongs in the benchmarks): what
    /// ends the run is the evaluator's step budget, which the tests check through the IKS0001 it reports.
    /// </summary>
    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeWithin(string source)
    {
        var compilation = StackCompilation.Create(source);
        Assert.Empty(compilation.Errors);
        return await Task.Run(() => compilation.Analyze()).WaitAsync(TimeSpan.FromMinutes(5));
    }

    private static void Check(string body, string expected, string members = "", string types = "")
    {
        var source = Source(types, members, body);
        var compilation = StackCompilation.Create(source);
        Assert.True(compilation.Errors.Count == 0, "the test's own source does not compile:\n" + string.Join("\n", compilation.Errors));
        var literal = StackCompilation.Create(Source(string.Empty, string.Empty, expected));
        Assert.True(literal.Errors.Count == 0, "the expected calls do not compile:\n" + string.Join("\n", literal.Errors));
        var want = literal.RunAtRuntime();

        // The hand-written expectation is what C# gives: running the construct on the runtime builders agrees with it.
        var ran = compilation.RunAtRuntime().Model;
        Assert.True(ran == want.Model, $"the expected calls do not match what running the construct builds:\n--- running the construct\n{Yaml(ran)}\n--- the expected calls\n{Yaml(want.Model)}");

        var refused = compilation.Analyze().Where(d => d.Id == "IKS0001").ToList();
        Assert.True(refused.Count == 0, "IKS0001 for a supported construct:\n" + string.Join("\n", refused.Select(d => $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(CultureInfo.InvariantCulture)}")));

        var evaluation = compilation.EvaluateStatically();
        Assert.True(evaluation.Diagnostics.Count == 0, string.Join("\n", evaluation.Diagnostics));
        Assert.NotNull(evaluation.Result);
        Assert.Equal(Yaml(want.Model), Yaml(evaluation.Result!.Model));
        Assert.True(want.Model == evaluation.Result.Model, "the models are not equal although their artefacts are");
    }

    private static void CheckRefused(string body, string memberToken, string named)
    {
        var source = Source(string.Empty, string.Empty, body);
        var compilation = StackCompilation.Create(source);
        Assert.True(compilation.Errors.Count == 0, "the test's own source does not compile:\n" + string.Join("\n", compilation.Errors));
        var member = source.IndexOf(memberToken, source.IndexOf("var tag", StringComparison.Ordinal), StringComparison.Ordinal);
        var refused = compilation.Analyze().Where(d => d.Id == "IKS0001").ToList();
        Assert.True(
            refused.Any(d => d.Location.SourceSpan.Start <= member && member < d.Location.SourceSpan.End && d.GetMessage(CultureInfo.InvariantCulture).Contains(named, StringComparison.Ordinal)),
            $"expected IKS0001 covering '{memberToken}' and naming '{named}'; got:\n" + string.Join("\n", refused.Select(d => $"{d.Location.SourceSpan} '{source[d.Location.SourceSpan.Start..d.Location.SourceSpan.End]}': {d.GetMessage(CultureInfo.InvariantCulture)}")));
    }

    private static string Source(string types, string members, string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using Iklim.StackSdk;

        {{types}}

        [Stack("construct")]
        public sealed class InfraStack : IStackDefinition
        {
        {{Indent(members, 1)}}

            public void Configure(IStackBuilder stack)
            {
        {{Indent(body, 2)}}
            }
        }
        """;

    private static string Indent(string code, int levels) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(line => line.Length > 0 ? new string(' ', 4 * levels) + line : line));

    private static int LineOf(string source, string text) =>
        source[..source.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n');

    private static string Yaml(Iklim.StackSdk.Model.StackModel model) =>
        string.Join("\n", StackArtefacts.Create(model).Select(a => "# " + a.Path + "\n" + a.Content));
}
