using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The runtime front door of IKS0002: the builders reject invalid values with an ArgumentException that names
/// the parameter, which the compile-time evaluator turns into a diagnostic at that argument.
/// </summary>
public sealed class BuilderValidationTests
{
    private static IServiceBuilder Service() => new StackBuilder("s", "docker-stack.yml").Service("app");

    public static readonly TheoryData<string, Action> Invalid = new()
    {
        { "name", () => new StackBuilder("s", "docker-stack.yml").Service("-bad") },
        { "name", () => new StackBuilder("s", "docker-stack.yml").Service("has space") },
        { "name", () => new StackBuilder("s", "docker-stack.yml").Network("net/1") },
        { "image", () => Service().Image("Redis:Latest!") },
        { "image", () => Service().Image("") },
        { "replicas", () => Service().Replicas(-1) },
        { "constraint", () => Service().Constraint("node.labels.type = service") },
        { "constraint", () => Service().Constraint("hostname == x") },
        { "duration", () => Service().StopGracePeriod("5 seconds") },
        { "delay", () => Service().RestartPolicy(RestartCondition.Any, delay: "5") },
        { "published", () => Service().Port(0, 80) },
        { "target", () => Service().Port(80, 70000) },
        { "target", () => Service().Volume("data", "relative/path") },
        { "hostPath", () => Service().Bind("relative", "/data") },
        { "source", () => Service().Volume("/abs/path", "/data") },
        { "max", () => Service().MaxReplicasPerNode(0) },
        { "memory", () => Service().Limits(memory: "lots") },
        { "name", () => Env.Var("1BAD") },
        { "fallback", () => Env.Var("A", "x}y") },
        { "fallback", () => Env.Var("A", "x:-y", onlyWhenUnset: true) },
        { "message", () => Env.Required("A", "set A}") },
        { "message", () => Env.Required("A", "a non-empty key") },
        { "message", () => Env.Required("A", "x:?y", allowEmpty: true) },
        { "name", () => Env.Required("A B", "set it") },
        { "descriptor", () => Service().Spread("hostname") },
        { "value", () => Service().Environment("A", "\uD800") },
        { "arguments", () => Service().Command("echo", "x\uDC00") },
        { "kind", () => Service().GenericResource("", 1) },
        { "kind", () => Service().GenericResource("gpu=1", 1) },
        { "kind", () => Service().GenericResource("my gpu", 1) },
        { "kind", () => Service().GenericResource(Env.Var("KIND", "gpu"), 1) },
        { "value", () => Service().GenericResource("gpu", 0) },
        { "value", () => Service().GenericResource("gpu", -1) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidValue_ThrowsNamingTheParameter(string parameter, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void ValidValues_AreAccepted()
    {
        Service()
            .Image("registry.example.com:5000/team/app:1.2.3")
            .Image("redis@sha256:" + new string('a', 64))
            .Image("app:" + Env.Var("TAG", "1.0"))
            .Constraint("node.labels.type == service")
            .Constraint("node.role != worker")
            .Constraint("engine.labels.ssd == true")
            .StopGracePeriod("1m30s")
            .Replicas(0)
            .Volume(Env.Var("DATA_DIR", "data"), "/data")
            .Bind("/mnt/storagebox/ssl", "/certs", readOnly: true)
            .GenericResource("NVIDIA-GPU", 1)
            .GenericResource("intel.com_fpga", long.MaxValue);
    }

    [Fact]
    public void HelperValues_AreVerbatim()
    {
        Assert.Equal("${REDIS_PASSWORD}", Interpolation.ToCompose(Env.Var("REDIS_PASSWORD")));
        Assert.Equal("${PROMETHEUS_DATA_DIR:-prometheus-vl}", Interpolation.ToCompose(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl")));
        Assert.Equal("${PROMETHEUS_DATA_DIR-prometheus-vl}", Interpolation.ToCompose(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl", onlyWhenUnset: true)));
        Assert.Equal("${API_KEY:?set API_KEY}", Interpolation.ToCompose(Env.Required("API_KEY", "set API_KEY")));
        Assert.Equal("${API_KEY?set API_KEY}", Interpolation.ToCompose(Env.Required("API_KEY", "set API_KEY", allowEmpty: true)));
        Assert.Equal("{{.Node.Hostname}}", Swarm.NodeHostname);
        var stack = new StackBuilder("s", "f.yml");
        stack.Service("a").PinToNode("iklim-app-01");
        Assert.Equal(new[] { "node.hostname == iklim-app-01" }, stack.Build().Model.Base.Service("a")!.Constraints);
    }
}
