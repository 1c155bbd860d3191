namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>
/// The paths of the pages that jobs and emails link to. They are spelled once, in the web layer's route catalogue
/// (PrivacyPortal.Web.Hosting.PortalRoutes, compiled into the web app and the CLI alike); this layer only knows what
/// each link is for, and joins it to <see cref="PortalOptions.JobsBaseUrl"/> or the address a link was sent from.
/// </summary>
public interface IPortalPaths
{
    /// <summary>The page that confirms a requester's email address and files the draft.</summary>
    string Confirm(string token);

    /// <summary>A requester's own page of their request.</summary>
    string Status(string token);

    /// <summary>The page of the person an agent filed for, where they can say they did not ask for it.</summary>
    string Person(string token);

    /// <summary>Where a requester asks for a new link with their reference.</summary>
    string NewStatusLink { get; }

    /// <summary>Where staff sign in.</summary>
    string StaffSignIn { get; }

    /// <summary>An officer's page of one case.</summary>
    string StaffCase(Guid id);

    /// <summary>The single-use page where a new staff account sets its password.</summary>
    string SetPassword(string userId, string token);
}
