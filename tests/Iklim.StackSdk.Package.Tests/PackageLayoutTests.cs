using System.IO.Compression;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>What `dotnet pack -c Release` puts in the packages, read as `unzip -l` lists them.</summary>
[Trait("Category", "Package")]
[Collection(PackedSdkCollection.Name)]
public sealed class PackageLayoutTests(PackedSdk sdk, ITestOutputHelper output)
{
    private static readonly string[] SdkFiles =
    [
        "README.md",
        "analyzers/dotnet/cs/Iklim.StackSdk.Analyzers.dll",
        "analyzers/dotnet/cs/Iklim.StackSdk.CodeFixes.dll",
        "analyzers/dotnet/cs/Iklim.StackSdk.Generators.dll",
        "analyzers/dotnet/cs/Iklim.StackSdk.dll",

        // Scriban (the gateway script templates) and the netstandard2.0 polyfills it needs where the compiler runs on
        // .NET Framework (Visual Studio); a compiler on .NET uses its own newer copies.
        "analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll",
        "analyzers/dotnet/cs/Microsoft.CSharp.dll",
        "analyzers/dotnet/cs/Scriban.Signed.dll",
        "analyzers/dotnet/cs/System.Buffers.dll",
        "analyzers/dotnet/cs/System.IO.Pipelines.dll",
        "analyzers/dotnet/cs/System.Memory.dll",
        "analyzers/dotnet/cs/System.Numerics.Vectors.dll",
        "analyzers/dotnet/cs/System.Runtime.CompilerServices.Unsafe.dll",
        "analyzers/dotnet/cs/System.Text.Encodings.Web.dll",
        "analyzers/dotnet/cs/System.Text.Json.dll",
        "analyzers/dotnet/cs/System.Threading.Tasks.Extensions.dll",
        "analyzers/dotnet/cs/YamlDotNet.dll",
        "build/Iklim.StackSdk.props",
        "build/Iklim.StackSdk.targets",
        "buildTransitive/Iklim.StackSdk.props",
        "buildTransitive/Iklim.StackSdk.targets",
        "lib/netstandard2.0/Iklim.StackSdk.dll",
        "lib/netstandard2.0/Iklim.StackSdk.xml",
        "tasks/netstandard2.0/Iklim.StackSdk.Build.dll",
    ];

    private static readonly string[] TemplateFiles =
    [
        "README.md",
        "content/iklim-stack/.editorconfig",
        "content/iklim-stack/.template.config/template.json",
        "content/iklim-stack/StackClassStack.cs",
        "content/iklim-stack/StackProject.csproj",
    ];

    [Fact]
    public void Pack_WritesExactlyThreePackages_AtTheVersionOfSrcDirectoryBuildProps()
    {
        var expectedVersion = XDocument.Load(Path.Combine(PackedSdk.RepoRoot, "src", "Directory.Build.props"))
            .Descendants("Version").Single().Value;

        Assert.Equal(expectedVersion, sdk.Version);
        Assert.Equal(
            [$"Iklim.StackSdk.{expectedVersion}.nupkg", $"Iklim.StackSdk.Cli.{expectedVersion}.nupkg", $"Iklim.StackSdk.Templates.{expectedVersion}.nupkg"],
            Directory.GetFiles(sdk.FeedDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SdkPackage_HasTheLibraryAnalyzersTheirDependenciesTargetsAndTask()
    {
        Assert.Equal(SdkFiles, ContentFiles(sdk.PackageFile));
    }

    [Fact]
    public void SdkPackage_AnalyzerCopyOfTheLibraryIsTheLibInOne()
    {
        using var zip = ZipFile.OpenRead(sdk.PackageFile);
        Assert.Equal(Bytes(zip, "lib/netstandard2.0/Iklim.StackSdk.dll"), Bytes(zip, "analyzers/dotnet/cs/Iklim.StackSdk.dll"));
    }

    [Fact]
    public void SdkPackage_NuspecHasLicenseReadmeRepositoryAndTheLibrarysDependencies()
    {
        var nuspec = Nuspec(sdk.PackageFile);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("Iklim.StackSdk", metadata.Element(ns + "id")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("git", metadata.Element(ns + "repository")!.Attribute("type")!.Value);
        Assert.StartsWith("https://", metadata.Element(ns + "repository")!.Attribute("url")!.Value, StringComparison.Ordinal);

        // The library's own PackageReferences (PrivateAssets=all ones excepted) are the package's dependencies.
        var library = XDocument.Load(Path.Combine(PackedSdk.RepoRoot, "src", "Iklim.StackSdk", "Iklim.StackSdk.csproj"));
        var expected = library.Descendants("PackageReference")
            .Where(reference => (string?)reference.Attribute("PrivateAssets") != "all")
            .Select(reference => $"{reference.Attribute("Include")!.Value} {reference.Attribute("Version")!.Value}")
            .Order(StringComparer.Ordinal);
        var group = metadata.Element(ns + "dependencies")!.Elements(ns + "group").Single();
        Assert.Equal(".NETStandard2.0", group.Attribute("targetFramework")!.Value);
        Assert.Equal(
            expected,
            group.Elements(ns + "dependency").Select(dependency => $"{dependency.Attribute("id")!.Value} {dependency.Attribute("version")!.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TemplatePackage_HasTheTemplateWithTheSdkVersionAsDefault()
    {
        Assert.Equal(TemplateFiles, ContentFiles(sdk.TemplatePackageFile));

        var nuspec = Nuspec(sdk.TemplatePackageFile);
        var ns = nuspec.Root!.Name.Namespace;
        Assert.Equal("Template", nuspec.Root.Element(ns + "metadata")!.Element(ns + "packageTypes")!.Element(ns + "packageType")!.Attribute("name")!.Value);

        using var zip = ZipFile.OpenRead(sdk.TemplatePackageFile);
        var templateJson = System.Text.Json.JsonDocument.Parse(Text(zip, "content/iklim-stack/.template.config/template.json"));
        Assert.Equal(sdk.Version, templateJson.RootElement.GetProperty("symbols").GetProperty("sdkVersion").GetProperty("defaultValue").GetString());
    }

    /// <summary>The package's files as `unzip -l` lists them, less NuGet's own bookkeeping entries.</summary>
    private List<string> ContentFiles(string package)
    {
        var (exitCode, listing) = Run("unzip", "-l", package);
        output.WriteLine(listing);
        Assert.True(exitCode == 0, listing);

        // unzip -l: a header, "---------  ---------- -----   ----", one "length date time name" line per entry, a footer.
        var lines = listing.Split('\n');
        var first = Array.FindIndex(lines, line => line.TrimStart().StartsWith("---", StringComparison.Ordinal));
        var last = Array.FindLastIndex(lines, line => line.TrimStart().StartsWith("---", StringComparison.Ordinal));
        return lines[(first + 1)..last]
            .Select(line => line.Trim().Split(' ', 4, StringSplitOptions.RemoveEmptyEntries)[3])
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                && !name.StartsWith("package/", StringComparison.Ordinal)
                && name != "[Content_Types].xml"
                && !name.EndsWith(".nuspec", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = DotNet.StartInfo(fileName, Path.GetTempPath(), arguments, null);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(fileName + " did not finish in a minute");
        }

        process.WaitForExit();
        return (process.ExitCode, text.Result + error.Result);
    }
}
