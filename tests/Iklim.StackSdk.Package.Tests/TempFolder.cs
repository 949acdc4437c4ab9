namespace Iklim.StackSdk.Package.Tests;

/// <summary>A fresh folder under the system temp folder, outside the repository, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "iks-package-tests", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A language server or build node may hold a file for a moment; the OS cleans the temp folder eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
