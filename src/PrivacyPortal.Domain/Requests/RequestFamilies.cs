using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Requests;

public static class RequestFamilies
{
    public static LocalizedText Name(this RequestFamily family) => family switch
    {
        RequestFamily.Disclosure => LocalizedText.Catalogued("Family.Disclosure"),
        RequestFamily.Correction => LocalizedText.Catalogued("Family.Correction"),
        RequestFamily.Deletion => LocalizedText.Catalogued("Family.Deletion"),
        RequestFamily.StopProvision => LocalizedText.Catalogued("Family.StopProvision"),
        RequestFamily.Other => LocalizedText.Catalogued("Family.Other"),
    };
}
