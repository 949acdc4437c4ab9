using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Model;
using IklimProd;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>The IklimProd sample's artefacts, written into a temp folder for the docker CLI.</summary>
public sealed class SampleArtefacts : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleArtefacts()
    {
        Result = StackBuilder.Run(new InfraStack());
        foreach (var artefact in StackArtefacts.Create(Result.Model))
        {
            _folder.Write(artefact.Path, artefact.Content);
        }

        // What base + prod deploys includes the gateway's config mount, which emission adds.
        var prod = DeployedStack.Of(Result.Model).Profiles.Single(p => p.Profile.Name == "prod");
        EffectiveProdFile = _folder.Write("effective.prod.yml", ComposeFileEmitter.Emit(prod.Effective));
    }

    public StackBuildResult Result { get; }

    public StackModel Model => Result.Model;

    public string BaseFile => Path.Combine(_folder.Path, "docker-stack-infra.yml");

    public string ProdFile => Path.Combine(_folder.Path, "docker-stack-infra.prod.yml");

    public string EffectiveProdFile { get; }

    public void Dispose() => _folder.Dispose();
}
