import VarselKit

extension IntakeEngine {
    /// Names the extractor in every kept contract text (`AgreementDocument.extractorVersion`):
    /// bump it when the reader or the rules change what a file's text or proposal would be.
    public static let extractorVersion = "varsel-intake 1"
}

extension IntakeBundle {
    /// The contract text to keep with the saved agreement: exactly `text`, the string the
    /// proposal's offsets point into. Id, agreement, import time and user are set when saved.
    public static func source(fileName: String, format: String, sha256: String, text: String, language: String) -> AgreementDocument {
        AgreementDocument(id: "", agreementId: "", fileName: fileName, mediaType: DocumentMediaType(rawValue: format) ?? .txt,
                          sha256: sha256, text: text, extractorVersion: IntakeEngine.extractorVersion, language: language,
                          importedAt: "", importedBy: "")
    }
}
