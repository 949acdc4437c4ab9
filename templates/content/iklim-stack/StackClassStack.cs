using Iklim.StackSdk;

namespace StackProject;

/// <summary>
/// The stack-project stack. The base scope is what the test environment runs; the prod profile is written as an
/// overlay that Docker merges over the base:
/// <code>
/// docker stack deploy -c deploy/docker-stack-stack-project.yml -c deploy/docker-stack-stack-project.prod.yml stack-project
/// </code>
/// </summary>
[Stack("stack-project", BaseFile = "docker-stack-stack-project.yml")]
public sealed class StackClassStack : IStackDefinition
{
    public void Configure(IStackBuilder stack)
    {
        // The nodes the placement rules check this stack against (docker node update --label-add type=service ...).
        stack.Node("stack-project-01").Label("type", "service");

        stack.Network("stack-project-net");

        stack.Service("api")
            .Image("nginx:1.27.2-alpine")
            .Network("stack-project-net")
            .Port(8080, 80)
            .Replicas(1)
            .Constraint("node.labels.type == service")
            .Label("project", "stack-project");

        stack.Profile("prod", prod =>
        {
            prod.Node("stack-project-02").Label("type", "service");

            prod.Service("api")
                .Replicas(2)
                .MaxReplicasPerNode(1)
                .UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
        });
    }
}
