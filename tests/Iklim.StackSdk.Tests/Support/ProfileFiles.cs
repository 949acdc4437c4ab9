using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>The three files a key test hands to docker for a stack with one profile.</summary>
internal static class ProfileFiles
{
    /// <summary>
    /// The base, the first profile's minimal overlay and that profile's effective stack, written below
    /// <paramref name="folder"/> in <paramref name="deployFolder"/> (the folder itself when empty): docker's merge of the
    /// first two must read back as the third.
    /// </summary>
    public static (string Base, string Overlay, string Effective) Write(TempFolder folder, StackModel model, string deployFolder = "deploy")
    {
        var plan = OverlayPlanner.Plan(model.Base, model.Profiles[0]);
        string At(string file) => deployFolder.Length == 0 ? file : deployFolder + "/" + file;
        return (
            folder.Write(At("docker-stack.yml"), ComposeFileEmitter.Emit(model.Base)),
            folder.Write(At("docker-stack.prod.yml"), ComposeFileEmitter.Emit(plan.Overlay)),
            folder.Write(At("docker-stack.prod.effective.yml"), ComposeFileEmitter.Emit(plan.Effective)));
    }
}
