using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer the way an IDE or <c>dotnet build</c> does: a project whose <c>.editorconfig</c> the workspace
/// turns into per-file severities, then only the diagnostics that survive severity and suppression.
/// </summary>
internal static class WorkspaceAnalysis
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source, string? editorConfig = null)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "StackProject", "StackProject", LanguageNames.CSharp, filePath: "/src/StackProject.csproj")
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithMetadataReferences(TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "InfraStack.cs", SourceText.From(source), filePath: "/src/InfraStack.cs");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
        }

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }
}
