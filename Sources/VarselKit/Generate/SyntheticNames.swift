/// Word lists for synthetic Nordic and English agreement, party and vendor names.
enum SyntheticNames {
    static let placeStems = ["Nord", "Väst", "Öster", "Sund", "Fjäll", "Å", "Ør", "Bjørn", "Lyng", "Skov", "Strand", "Dal",
                             "Holm", "Berg", "Vik", "Näs", "Ås", "Høj", "Sø", "Fjord", "Lund", "Torp", "Mark", "Bæk"]
    static let placeEnds = ["vik", "by", "köping", "ås", "dal", "sund", "stad", "borg", "heim", "rup", "løse", "bæk", "fors", "näs", "holm"]
    static let companyWords = ["Data", "IT", "Drift", "Säkerhet", "Systemer", "Løsninger", "Tjenester", "Cloud", "Digital",
                               "Analys", "Kommunikation", "Service", "Software", "Teknik", "Vård", "Skole", "Økonomi", "Logistik"]
    static let forms: [(String, String)] = [("AB", "SE"), ("ApS", "DK"), ("A/S", "DK"), ("AS", "NO"), ("Oy", "FI"), ("Ltd", "IE"),
                                            ("GmbH", "DE"), ("B.V.", "NL"), ("Inc.", "US")]
    static let services = ["ärendehantering", "e-tjänster", "löneadministration", "journalsystem", "skoladministration",
                           "dokumenthantering", "e-post og kalender", "økonomisystem", "HR-system", "kundeservice",
                           "servicedesk", "behörighetssystem", "videomøter", "SMS-utsendelse", "betalingsløsning",
                           "arkivering", "backup and recovery", "web hosting", "GIS-tjänst", "bokningssystem"]
    static let agreementWords: [String: (service: String, dpa: String)] = [
        "sv": ("Avtal om", "Personuppgiftsbiträdesavtal"),
        "da": ("Aftale om", "Databehandleraftale"),
        "nb": ("Avtale om", "Databehandleravtale"),
        "en": ("Agreement on", "Data processing agreement"),
    ]
    static let vendorPurposes = ["Hosting", "E-mail delivery", "SMS delivery", "Backup", "Support desk", "Monitoring",
                                 "Payment processing", "Identity verification", "Document storage", "Analytics",
                                 "Drift og overvåkning", "Säkerhetskopiering", "Utveckling", "Udvikling"]
    static let vendorCountries = ["SE", "DK", "NO", "FI", "DE", "IE", "NL", "EEA", "US", "GB"]
}
