using System.Collections;
using Microsoft.Build.Framework;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>Collects what a task logs, so tests can read its messages, warnings and errors.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildMessageEventArgs> Messages { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildErrorEventArgs> Errors { get; } = [];

    /// <summary>The high-importance messages: what `dotnet build` prints at its default verbosity.</summary>
    public IEnumerable<string> Lines => Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message ?? string.Empty);

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "Fake.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
}
