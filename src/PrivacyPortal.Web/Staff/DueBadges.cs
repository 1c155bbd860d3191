using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Cases;

namespace PrivacyPortal.Web.Staff;

/// <summary>How a case stands against its due date.</summary>
public enum DueBadge
{
    OnTime,
    DueSoon,
    Overdue,
    Closed,
}

public static class DueBadges
{
    public const int DueSoonDays = 3;

    public static (DueBadge Badge, int DaysLeft) For(RequestStatus status, DateOnly? dueOn, DateOnly today)
    {
        if (dueOn is not { } due || !CaseQueueQuery.OpenStatuses.Contains(status))
        {
            return (DueBadge.Closed, 0);
        }

        var left = due.DayNumber - today.DayNumber;
        return (left < 0 ? DueBadge.Overdue : left <= DueSoonDays ? DueBadge.DueSoon : DueBadge.OnTime, left);
    }
}
