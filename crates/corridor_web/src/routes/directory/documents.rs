//! Evidence documents over HTTP, shared by the page and the API: reading the uploaded `file` of a
//! multipart body, and answering a stored document as a download.

use axum::body::Body;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use corridor_app::directory::evidence::{EvidenceInput, MAX_DOCUMENT_BYTES};
use corridor_store::directory::DocumentMeta;

use crate::error::AppError;

/// The body limit of upload routes: a document at the app's limit plus room for the multipart
/// framing and the small fields beside it. A file a little over 10 MB therefore still reaches the
/// app and gets its clear `file` error, instead of the connection being cut mid-upload.
pub const UPLOAD_LIMIT: usize = MAX_DOCUMENT_BYTES + 64 * 1024;

/// The multipart field that carries the document.
pub const FILE_FIELD: &str = "file";

/// A multipart body that could not be read: too large (413) or malformed (400), both naming
/// `file` so that forms and clients point at the right input.
pub fn multipart_error(error: MultipartError) -> AppError {
    let message = error.body_text();
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge {
            field: Some(FILE_FIELD.to_owned()),
            message: format!(
                "the upload is larger than {UPLOAD_LIMIT} bytes; documents may be at most \
                 {MAX_DOCUMENT_BYTES} bytes (10 MB)"
            ),
        }
    } else {
        AppError::bad_request(FILE_FIELD, message)
    }
}

/// The document of a multipart body: the first `file` field, with the name the browser gave it.
/// Other fields (a page's `csrf` echo, say) are skipped; whether the file is acceptable (type,
/// size, emptiness) is the app's to decide.
pub async fn uploaded_document(mut multipart: Multipart) -> Result<EvidenceInput, AppError> {
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        if field.name() != Some(FILE_FIELD) {
            continue;
        }
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(multipart_error)?;
        return Ok(EvidenceInput::Document {
            file_name,
            bytes: bytes.to_vec(),
        });
    }
    Err(AppError::Validation(vec![(
        FILE_FIELD.to_owned(),
        "choose a file to upload (PDF, PNG or JPEG, at most 10 MB)".to_owned(),
    )]))
}

/// A stored document as a download: its sniffed type, an `attachment` disposition (never shown
/// inline, so a crafted file cannot run in our origin) and no caching of private evidence.
pub fn download(meta: &DocumentMeta, bytes: Vec<u8>) -> Response {
    let content_type = HeaderValue::from_str(&meta.content_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let disposition = HeaderValue::from_str(&content_disposition(&meta.file_name))
        .unwrap_or(HeaderValue::from_static("attachment"));
    let headers = [
        (header::CONTENT_TYPE, content_type),
        (header::CONTENT_DISPOSITION, disposition),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
        // Should a browser render it after all, it gets no scripts and no same-origin rights.
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; sandbox"),
        ),
    ];
    (headers, Body::from(bytes)).into_response()
}

/// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): a plain-ASCII fallback with quotes,
/// backslashes and anything unusual replaced, and the exact name percent-encoded (RFC 8187).
pub fn content_disposition(file_name: &str) -> String {
    let fallback: String = file_name
        .chars()
        .map(|c| {
            if c == ' ' || (c.is_ascii_graphic() && c != '"' && c != '\\') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in file_name.bytes() {
        let plain = byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte);
        if plain {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

pub fn evidence_id(raw: &str) -> Result<uuid::Uuid, AppError> {
    raw.parse()
        .map_err(|_| AppError::NotFound(format!("no evidence {raw:?}")))
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn file_names_are_quoted_and_encoded_safely() {
        assert_eq!(
            content_disposition("report 2024.pdf"),
            "attachment; filename=\"report 2024.pdf\"; filename*=UTF-8''report%202024.pdf"
        );
        assert_eq!(
            content_disposition("a\"b\\c;.pdf"),
            "attachment; filename=\"a_b_c;.pdf\"; filename*=UTF-8''a%22b%5Cc%3B.pdf"
        );
        assert_eq!(
            content_disposition("رجسٹریشن.pdf"),
            "attachment; filename=\"________.pdf\"; filename*=UTF-8''%D8%B1%D8%AC%D8%B3%D9%B9%D8%B1%DB%8C%D8%B4%D9%86.pdf"
        );
    }
}
