namespace NewsMonitor.Cli.LocalHost;

/// <summary>
/// A lock across processes (and within one): the file opened without sharing. The file is left in place, because deleting
/// it on release would let a third process lock a new file while a second one still holds the deleted one.
/// </summary>
internal static class FileLock
{
    public static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
