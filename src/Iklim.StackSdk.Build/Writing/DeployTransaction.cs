using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>
/// The changes one build makes to the deploy folder, applied all or nothing. Every new content is first written
/// into a staging folder inside the deploy folder (so each move is a rename on the same volume); only when all of
/// it is on disk are the files moved into place, each replaced file set aside first. When any step fails, the
/// moves already made are undone and the folder holds exactly the files it held before.
/// </summary>
internal sealed class DeployTransaction
{
    private readonly string _deployDirectory;
    private readonly List<(string FullPath, byte[] Bytes)> _writes = new List<(string, byte[])>();
    private readonly List<string> _deletes = new List<string>();

    public DeployTransaction(string deployDirectory) => _deployDirectory = deployDirectory;

    /// <summary>Whether there is anything to apply.</summary>
    public bool IsEmpty => _writes.Count == 0 && _deletes.Count == 0;

    /// <summary>Puts <paramref name="bytes"/> at <paramref name="fullPath"/>, creating its folders.</summary>
    public void Write(string fullPath, byte[] bytes) => _writes.Add((fullPath, bytes));

    /// <summary>Deletes the file at <paramref name="fullPath"/>, and its folders inside the deploy folder once they are empty.</summary>
    public void Delete(string fullPath) => _deletes.Add(fullPath);

    /// <summary>
    /// Applies every change, or none. Throws <see cref="DeployWriteException"/> naming the file that failed, after
    /// the folder has been put back as it was.
    /// </summary>
    public void Commit()
    {
        // A staging folder left by a build that was killed holds nothing anyone needs, even when nothing changes now.
        var staging = Path.Combine(_deployDirectory, OwnedFiles.StagingFolder);
        if (IsEmpty)
        {
            DeleteDirectory(staging);
            return;
        }

        var createdDeployDirectory = !Directory.Exists(_deployDirectory);
        var undo = new Stack<Action>();
        var current = _deployDirectory;
        try
        {
            DeleteDirectory(staging);
            Directory.CreateDirectory(staging);

            var staged = new List<string>();
            for (var i = 0; i < _writes.Count; i++)
            {
                current = _writes[i].FullPath;
                var file = Path.Combine(staging, "new-" + i.ToString(CultureInfo.InvariantCulture));
                File.WriteAllBytes(file, _writes[i].Bytes);
                if (current.EndsWith(".sh", StringComparison.Ordinal))
                {
                    ArtefactFile.MarkExecutable(file);
                }

                staged.Add(file);
            }

            // Deletions first: on a case-insensitive disk a renamed artefact (Stack.md for STACK.md) is the same file.
            for (var i = 0; i < _deletes.Count; i++)
            {
                current = _deletes[i];
                SetAside(current, Path.Combine(staging, "deleted-" + i.ToString(CultureInfo.InvariantCulture)), undo);
            }

            for (var i = 0; i < _writes.Count; i++)
            {
                current = _writes[i].FullPath;
                CreateParents(current, undo);
                if (Directory.Exists(current))
                {
                    throw new IOException("a folder is in the way.");
                }

                if (File.Exists(current))
                {
                    SetAside(current, Path.Combine(staging, "old-" + i.ToString(CultureInfo.InvariantCulture)), undo);
                }

                var target = current;
                File.Move(staged[i], target);
                undo.Push(() => File.Delete(target));
            }
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException || exception is NotSupportedException || exception is ArgumentException)
        {
            var restored = true;
            while (undo.Count > 0)
            {
                try
                {
                    undo.Pop()();
                }
                catch (Exception undoFailure) when (undoFailure is IOException || undoFailure is UnauthorizedAccessException)
                {
                    restored = false;
                }
            }

            DeleteDirectory(staging);
            if (createdDeployDirectory)
            {
                DeleteDirectory(_deployDirectory);
            }

            throw new DeployWriteException(current, restored, exception);
        }

        DeleteDirectory(staging);
        foreach (var deleted in _deletes)
        {
            RemoveEmptyParents(deleted);
        }
    }

    private static void SetAside(string fullPath, string aside, Stack<Action> undo)
    {
        File.Move(fullPath, aside);
        undo.Push(() => File.Move(aside, fullPath));
    }

    /// <summary>Creates the folders above <paramref name="fullPath"/> one by one, so that undo removes exactly those it created.</summary>
    private void CreateParents(string fullPath, Stack<Action> undo)
    {
        var missing = new Stack<string>();
        for (var directory = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(directory) && !Directory.Exists(directory); directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(directory))
            {
                throw new IOException("'" + directory + "' is a file, and a folder is needed there.");
            }

            missing.Push(directory!);
        }

        while (missing.Count > 0)
        {
            var directory = missing.Pop();
            Directory.CreateDirectory(directory);
            undo.Push(() => Directory.Delete(directory));
        }
    }

    private void RemoveEmptyParents(string fullPath)
    {
        var root = ArtefactPath.FullDirectory(_deployDirectory);
        for (var directory = Path.GetDirectoryName(fullPath); directory is not null && ArtefactPath.FullDirectory(directory).Length > root.Length
            && directory.StartsWith(root, StringComparison.Ordinal) && Directory.Exists(directory) && Directory.GetFileSystemEntries(directory).Length == 0;
            directory = Path.GetDirectoryName(directory))
        {
            Directory.Delete(directory);
        }
    }

    private static void DeleteDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>A deploy folder change that failed: <see cref="Path"/> is the file it failed at.</summary>
internal sealed class DeployWriteException : Exception
{
    public DeployWriteException(string path, bool restored, Exception inner)
        : base(inner.Message, inner)
    {
        Path = path;
        Restored = restored;
    }

    public string Path { get; }

    /// <summary>Whether every change made before the failure was undone (false only when undoing failed too).</summary>
    public bool Restored { get; }
}
