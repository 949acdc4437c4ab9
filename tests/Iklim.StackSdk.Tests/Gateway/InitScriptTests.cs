using System.Text.Json.Nodes;
using Iklim.StackSdk.Emitting.Gateway;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Gateway;

/// <summary>
/// The sample's generated init/apisix-core/init.sh: it passes bash -n and shellcheck, and run with bash and curl against
/// a recording Admin API it sends exactly the seed's gateway settings for PROFILE=test and PROFILE=prod.
/// </summary>
[Trait("Category", "Gateway")]
public sealed class InitScriptTests : IClassFixture<SampleArtefacts>
{
    private const string ApiKey = "edd1c9f034335f136f87ad84b625c8f1";

    private const string RabbitTimeout = """{"connect":10,"send":3600,"read":3600}""";

    private static readonly string[] TestRequests =
    {
        "/apisix/admin/upstreams/rabbitmq-upstream",
        "/apisix/admin/routes/ws",
        "/apisix/admin/routes/auth",
        "/apisix/admin/routes/users",
        "/apisix/admin/global_rules/1",
    };

    private readonly SampleArtefacts _sample;

    public InitScriptTests(SampleArtefacts sample) => _sample = sample;

    private string Script => Path.Combine(Path.GetDirectoryName(_sample.BaseFile)!, "init", "apisix-core", "init.sh");

    [Fact]
    public void BashParsesTheScript()
    {
        var (exitCode, output) = ExternalTool.Run("bash", "-n", Script);
        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public void ShellcheckReportsNothing()
    {
        var shellcheck = ExternalTool.Require("shellcheck");
        var (exitCode, output) = ExternalTool.Run(shellcheck, "--severity=style", Script);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void ProfileTest_SendsTheSeedsTestSettings()
    {
        using var api = new RecordingAdminApi();
        var outcome = InitScript.Run(Script, Environment(api, "test"));

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        AssertRequests(api.Requests, TestRequests);
        AssertJson($$"""{"name":"rabbitmq-upstream","type":"roundrobin","nodes":{"rabbitmq:15674":1},"timeout":{{RabbitTimeout}},"scheme":"http"}""", api.Requests[0].Body);
        AssertJson(WebSocketRoute, api.Requests[1].Body);
        AssertJson(AuthRoute("auth", "/v1/auth/*", LocalPolicy), api.Requests[2].Body);
        AssertJson(AuthRoute("users", "/v1/users/*", LocalPolicy), api.Requests[3].Body);
        AssertJson("""{"plugins":{"limit-count":{"count":60,"time_window":60,"key_type":"var","key":"remote_addr","rejected_code":429,"policy":"local","allow_degradation":true}}}""", api.Requests[4].Body);
    }

    [Fact]
    public void ProfileProd_SendsTheSeedsProdSettings_WithThePasswordReadAtRunTime()
    {
        const string password = "s3cr'et\"$(touch /tmp/iklim-never)`id`\\ü";
        using var api = new RecordingAdminApi();
        var outcome = InitScript.Run(Script, Environment(api, "prod", password));

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        AssertRequests(api.Requests, TestRequests);
        AssertJson(
            $$"""{"name":"rabbitmq-upstream","type":"chash","key":"remote_addr","nodes":{"rabbitmq-iklim-app-01:15674":1,"rabbitmq-iklim-app-02:15674":1,"rabbitmq-iklim-app-03:15674":1},"timeout":{{RabbitTimeout}},"scheme":"http"}""",
            api.Requests[0].Body);
        AssertJson(WebSocketRoute, api.Requests[1].Body);
        var redis = "\"policy\":\"redis\",\"allow_degradation\":true,\"redis_host\":\"redis\",\"redis_port\":6379,\"redis_password\":" + JsonValue.Create(password).ToJsonString();
        AssertJson(AuthRoute("auth", "/v1/auth/*", redis), api.Requests[2].Body);
        AssertJson(AuthRoute("users", "/v1/users/*", redis), api.Requests[3].Body);
        AssertJson("""{"plugins":{"limit-count":{"count":60,"time_window":60,"key_type":"var","key":"remote_addr","rejected_code":429,""" + redis + "}}}", api.Requests[4].Body);
        Assert.Equal(password, JsonNode.Parse(api.Requests[4].Body)!["plugins"]!["limit-count"]!["redis_password"]!.GetValue<string>());
        Assert.False(File.Exists("/tmp/iklim-never"));
        Assert.DoesNotContain("s3cr", File.ReadAllText(Script), StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileProdWithoutRedisPassword_StopsBeforeAnyCall()
    {
        using var api = new RecordingAdminApi();
        var outcome = InitScript.Run(Script, Environment(api, "prod"));

        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("REDIS_PASSWORD", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void FailedCall_StopsTheScriptAndNamesTheCall()
    {
        using var api = new RecordingAdminApi { FailAt = (1, 400) };
        var outcome = InitScript.Run(Script, Environment(api, "test"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(2, api.Requests.Count);
        Assert.Contains("route ws failed: PUT /routes/ws answered HTTP 400", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProfile_StopsBeforeAnyCall()
    {
        using var api = new RecordingAdminApi();
        var outcome = InitScript.Run(Script, Environment(api, "staging"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("unknown PROFILE staging: expected one of test, prod", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void HostileValues_ReachTheServerByteForByte_AndNothingRuns()
    {
        var marker = Path.Combine(Path.GetTempPath(), "iklim-hostile-" + Guid.NewGuid().ToString("N"));
        var hostile = $"it's \"quoted\" $(touch {marker}-1) `touch {marker}-2` ${{HOME}} \\ \n line2\r\t ünïcødé 🚀 '\\'' ; touch {marker}-3";
        var gateway = new GatewaySpec("apisix")
        {
            Upstreams = ValueList.Of(new UpstreamSpec("up'$(touch " + marker + "-4)")
            {
                Name = hostile,
                Balancer = UpstreamBalancer.Chash,
                Key = hostile,
                Nodes = ValueList.Of(new UpstreamNode(hostile, 80, 1)),
            }),
            Routes = ValueList.Of(new RouteSpec("r`touch " + marker + "-5`")
            {
                Name = hostile,
                Uris = ValueList.Of("/" + hostile),
                Plugins = ValueList.Of<PluginSpec>(new LimitCountSpec(1, 1) { Key = hostile, KeyType = LimitKeyType.VarCombination }),
            }),
        };
        using var folder = new TempFolder();
        var script = folder.Write("init.sh", GatewayScriptEmitter.Emit("s", "apisix", new[] { ("test", gateway) }));
        using var api = new RecordingAdminApi();

        var outcome = InitScript.Run(script, Environment(api, "test"));

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(2, api.Requests.Count);
        Assert.Equal("/apisix/admin/upstreams/up'$(touch " + marker + "-4)", api.Requests[0].Path);
        Assert.Equal("/apisix/admin/routes/r`touch " + marker + "-5`", api.Requests[1].Path);
        var upstream = JsonNode.Parse(api.Requests[0].Body)!;
        Assert.Equal(hostile, upstream["name"]!.GetValue<string>());
        Assert.Equal(hostile, upstream["key"]!.GetValue<string>());
        Assert.Equal(1, upstream["nodes"]![hostile + ":80"]!.GetValue<int>());
        var route = JsonNode.Parse(api.Requests[1].Body)!;
        Assert.Equal(hostile, route["name"]!.GetValue<string>());
        Assert.Equal("/" + hostile, route["uris"]![0]!.GetValue<string>());
        Assert.Equal(hostile, route["plugins"]!["limit-count"]!["key"]!.GetValue<string>());
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(marker) + "*"));
        Assert.All(File.ReadAllBytes(script), b => Assert.True(b < 0x80, "the script is pure ASCII"));
    }

    private static string WebSocketRoute =>
        """{"name":"ws","uris":["/ws"],"upstream_id":"rabbitmq-upstream","enable_websocket":true,"plugins":{"limit-conn":{"conn":5,"burst":0,"default_conn_delay":0.1,"key_type":"var","key":"remote_addr","rejected_code":503}}}""";

    private const string LocalPolicy = "\"policy\":\"local\",\"allow_degradation\":false";

    private static string AuthRoute(string name, string uri, string policy) =>
        $$"""{"name":"{{name}}","uris":["{{uri}}"],"plugins":{"limit-count":{"count":12,"time_window":60,"key_type":"var","key":"remote_addr","rejected_code":429,""" + policy + "}}}";

    private static Dictionary<string, string> Environment(RecordingAdminApi api, string profile, string? redisPassword = null)
    {
        var environment = new Dictionary<string, string> { ["PROFILE"] = profile, ["APISIX_ADMIN_URL"] = api.AdminUrl, ["API_KEY"] = ApiKey };
        if (redisPassword is not null)
        {
            environment["REDIS_PASSWORD"] = redisPassword;
        }

        return environment;
    }

    private static void AssertRequests(IReadOnlyList<RecordedRequest> requests, string[] paths)
    {
        Assert.Equal(paths, requests.Select(r => r.Path));
        Assert.All(requests, r =>
        {
            Assert.Equal("PUT", r.Method);
            Assert.Equal(ApiKey, r.ApiKey);
            Assert.Equal("application/json", r.ContentType);
        });
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");
}
