using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Requests;

public static class RequestFamilies
{
    public static LocalizedText Name(this RequestFamily family) => family switch
    {
        RequestFamily.Disclosure => LocalizedText.Of("開示", "Disclosure"),
        RequestFamily.Correction => LocalizedText.Of("訂正", "Correction"),
        RequestFamily.Deletion => LocalizedText.Of("削除・利用停止", "Deletion"),
        RequestFamily.StopProvision => LocalizedText.Of("第三者提供の停止", "Stop provision"),
        RequestFamily.Other => LocalizedText.Of("その他の請求", "Other requests"),
    };
}
