using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>
/// Checks the SDK's schedulability model (through OneNodePlacement) against a table written by hand for the sample on its one inventory node
/// (iklim-app-01, type=service, manager). No Docker needed: this runs in every test run.
/// </summary>
public sealed class OneNodePlacementTests
{
    private static readonly NodeFacts AppOne = new("iklim-app-01", NodeRole.Manager, new Dictionary<string, string> { ["type"] = "service" });

    private static readonly TaskExpectation One = new(1, 0, null);

    private static TaskExpectation OneOf(int replicas) => new(1, replicas - 1, OneNodePlacement.MaxReplicasError);

    [Fact]
    public void The_inventory_node_of_the_sample_is_the_one_the_table_assumes()
    {
        var node = Assert.Single(SwarmFixture.Sample.Base.Nodes);
        Assert.Equal(AppOne.Hostname, node.Hostname);
        Assert.Equal(NodeRole.Manager, node.Role);
        Assert.Equal(AppOne.Labels, node.Labels.ToDictionary(l => l.Key, l => l.Value));
    }

    [Fact]
    public void Base_on_one_node_runs_every_service_once()
    {
        var expected = new Dictionary<string, TaskExpectation>
        {
            ["swag"] = One, ["cert-reloader"] = One, ["vault"] = One, ["apisix"] = One, ["apisix-dashboard"] = One,
            ["redis"] = One, ["rabbitmq"] = One, ["etcd"] = One, ["prometheus"] = One, ["grafana"] = One,
        };
        Assert.Equal(expected, Predict("base"));
    }

    [Fact]
    public void Prod_on_one_node_runs_one_task_per_service_and_leaves_the_rest_pending()
    {
        var expected = new Dictionary<string, TaskExpectation>
        {
            ["swag"] = One, ["cert-reloader"] = One,
            ["vault"] = OneOf(3), ["apisix"] = OneOf(3), ["apisix-dashboard"] = OneOf(3),
            ["redis"] = One, ["rabbitmq"] = OneOf(3),
            ["etcd"] = One, ["prometheus"] = One, ["grafana"] = One,
            ["redis-replica"] = OneOf(2), ["redis-sentinel"] = OneOf(3),
        };
        Assert.Equal(expected, Predict("prod"));
    }

    [Fact]
    public void On_a_node_with_another_hostname_the_pinned_services_stay_pending()
    {
        var other = AppOne with { Hostname = "vm" };
        var predicted = OneNodePlacement.Expect(SwarmFixture.DeployedScopes(SwarmFixture.Sample).Single(s => s.Name == "base").Scope, other);
        Assert.Equal(new TaskExpectation(0, 1, OneNodePlacement.ConstraintsError), predicted["swag"]);
        Assert.Equal(new TaskExpectation(0, 1, OneNodePlacement.ConstraintsError), predicted["cert-reloader"]);
        Assert.Equal(One, predicted["vault"]);
    }

    [Theory]
    [InlineData("node.labels.type == service", true)]
    [InlineData("node.labels.type == SERVICE", true)]
    [InlineData("node.labels.type != service", false)]
    [InlineData("node.labels.type == db", false)]
    [InlineData("node.labels.zone == a", false)]
    [InlineData("node.labels.zone != a", true)]
    [InlineData("node.hostname == iklim-app-01", true)]
    [InlineData("node.hostname != iklim-app-01", false)]
    [InlineData("node.role == manager", true)]
    [InlineData("node.role == worker", false)]
    public void Constraints_are_matched_as_swarm_matches_them(string constraint, bool matches)
    {
        var service = new ServiceSpec("probe") { Replicas = 1, Constraints = ValueList.Of(constraint) };
        Assert.Equal(matches ? 1 : 0, OneNodePlacement.Expect(service, AppOne).Running);
    }

    private static IReadOnlyDictionary<string, TaskExpectation> Predict(string scope) =>
        OneNodePlacement.Expect(SwarmFixture.DeployedScopes(SwarmFixture.Sample).Single(s => s.Name == scope).Scope, AppOne);
}
