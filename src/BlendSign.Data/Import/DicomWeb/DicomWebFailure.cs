namespace BlendSign.Data.Import.DicomWeb;

public enum DicomWebFailure
{
    /// <summary>HTTP 401: no or wrong user name and password.</summary>
    Unauthorized,

    /// <summary>HTTP 403: the account may not read this.</summary>
    Forbidden,

    /// <summary>HTTP 404: no such study, series or instance (or no DICOMweb at this address).</summary>
    NotFound,

    Unreachable,

    Timeout,

    /// <summary>An answer that is not what DICOMweb promises (another status, not JSON, no DICOM part).</summary>
    BadResponse,
}
