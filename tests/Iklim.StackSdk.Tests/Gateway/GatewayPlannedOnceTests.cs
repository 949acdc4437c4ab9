using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Emitting.Gateway;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests.Gateway;

/// <summary>
/// One plan per stack: the checks and the emitters of a gateway stack share it, and the config mount, an emission
/// step, plans again only the gateway's service. What the emitters write still equals the plan of the mounted model
/// and what Docker makes of the files.
/// </summary>
[Trait("Category", "Gateway")]
public sealed class GatewayPlannedOnceTests
{
    public static TheoryData<string> Stacks => new() { "sample", "profile key", "profile config only" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void CheckingAndEmitting_PlanEachServiceOnce_AndTheGatewaysAtMostOnceMore(string stack)
    {
        // Building checks the model already (its findings are part of the result), so the count starts before it.
        var before = OverlayPlanner.ServicesPlanned;
        var model = Build(stack);
        Assert.NotSame(model, GatewayConfigMounts.Of(model));

        model.Validate();
        StackArtefacts.Create(model);
        StackArtefacts.Summary(model);

        // Planning the mounted model again, as the emitters once did, plans every profile's services twice.
        var planned = OverlayPlanner.ServicesPlanned - before;
        var changes = model.Profiles.Sum(p => p.Changes.Services.Count);
        var gateways = GatewayFiles.Services(model).Count * model.Profiles.Count;
        Assert.True(changes > gateways, "a stack with more changed services than gateways tells one plan from two");
        Assert.InRange(planned, changes, changes + gateways);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void TheDeployedPlan_EqualsThePlanOfTheMountedModel(string stack)
    {
        var model = Build(stack);
        var deployed = DeployedStack.Of(model);
        var mounted = GatewayConfigMounts.Of(model);
        var replanned = StackPlan.Of(mounted);

        Assert.Equal(mounted.Base, deployed.Base);
        Assert.Equal(replanned.Profiles.Select(p => (p.Profile, p.Plan.Overlay, p.Plan.Effective)), deployed.Profiles.Select(p => (p.Profile, p.Overlay, p.Effective)));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void TheDeployedPlan_KeepsThePlannedEntriesOfEveryServiceTheMountLeaves(string stack)
    {
        var model = Build(stack);
        var plan = StackPlan.Of(model);
        var deployed = DeployedStack.Of(model);
        var gateways = GatewayFiles.Services(model);

        for (var i = 0; i < model.Profiles.Count; i++)
        {
            foreach (var service in deployed.Profiles[i].Effective.Services.Where(s => !gateways.Contains(s.Name)))
            {
                Assert.Same(plan.Profiles[i].Plan.Effective.Service(service.Name), service);
                Assert.Same(plan.Profiles[i].Plan.Overlay.Service(service.Name), deployed.Profiles[i].Overlay.Service(service.Name));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void BasePlusEachOverlay_IsTheDeployedEffectiveStack_AsDockerMergesThem(string stack)
    {
        var model = Build(stack);
        using var folder = new TempFolder();
        var files = StackArtefacts.Create(model).ToDictionary(a => a.Path, a => folder.Write(a.Path, a.Content), StringComparer.Ordinal);

        foreach (var profile in DeployedStack.Of(model).Profiles)
        {
            var effective = folder.Write("effective." + profile.Profile.Name + ".yml", ComposeFileEmitter.Emit(profile.Effective));
            var merged = DockerCli.StackConfigOrFail(files[model.BaseFile], files[model.OverlayFile(profile.Profile.Name)]);

            Assert.Equal(DockerCli.StackConfigOrFail(effective), merged);
        }
    }

    // A new model each time: the plans are kept per model instance, and the count must see this one planned.
    private static StackModel Build(string stack)
    {
        if (stack == "sample")
        {
            return StackBuilder.Run(new IklimProd.InfraStack()).Model;
        }

        var builder = new StackBuilder("edge", "docker-stack-edge.yml");
        builder.Config("routes").File("./config/routes.yaml");
        builder.Service("web").Image("nginx:1.27.3").Replicas(1).Environment("MODE", "test");
        builder.Service("apisix").Image("apache/apisix:3.11.0-debian").Config("routes", "/etc/routes.yaml").Environment("LOG", "info");
        builder.Service("worker").Image("busybox:1.37.0").Environment("QUEUE", "jobs");
        if (stack == "profile key")
        {
            // The base mounts its config.yaml; prod deploys another under its own admin key, next to other changes.
            builder.Gateway("apisix").Etcd(new[] { "http://etcd:2379" }).AdminApi("EDGE_TEST_KEY", "10.0.0.0/8");
            builder.Profile("prod", prod =>
            {
                prod.Config("extra").File("./config/extra.yaml");
                prod.Service("web").Replicas(2).Environment("MODE", "prod");
                prod.Service("apisix").Replicas(2).Environment("LOG", "warn");
                prod.Service("worker").Environment("QUEUE", "prod-jobs");
                prod.Gateway("apisix").Etcd(new[] { "http://iklim-db-01:2379", "http://iklim-db-02:2379" }).AdminApi("EDGE_PROD_KEY", "10.0.0.0/8");
            });
        }
        else
        {
            // The base has no config.yaml; prod has one, so the mount enters a service prod does not change otherwise.
            builder.Gateway("apisix");
            builder.Profile("prod", prod =>
            {
                prod.Service("web").Replicas(2);
                prod.Service("worker").Environment("QUEUE", "prod-jobs");
                prod.Gateway("apisix").Etcd(new[] { "http://iklim-db-01:2379" }).AdminApi("EDGE_PROD_KEY", "10.0.0.0/8");
            });
        }

        return builder.Build().Model;
    }
}
