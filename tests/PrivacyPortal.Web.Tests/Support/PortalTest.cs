namespace PrivacyPortal.Web.Tests.Support;

/// <summary>A test class with its own portal on a fresh database, disposed with it.</summary>
public abstract class PortalTest : IAsyncLifetime, IDisposable
{
    protected PortalTest(PortalFactory? factory = null) => Factory = factory ?? new PortalFactory();

    protected PortalFactory Factory { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Factory.Dispose();
        }
    }
}
