/// The word tables of the rule set (docs/intake.md). Every entry is lower case.
enum Vocabulary {
    /// Number words per language.
    static let numbers: [String: [String: Int]] = [
        "sv": ["en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
               "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "fjorton": 14, "femton": 15, "tjugo": 20,
               "trettio": 30, "fyrtiofem": 45, "sextio": 60, "nittio": 90],
        "da": ["en": 1, "et": 1, "én": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
               "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14, "femten": 15, "tyve": 20,
               "tredive": 30, "tres": 60, "halvfems": 90],
        "nb": ["en": 1, "ett": 1, "et": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
               "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14, "femten": 15,
               "tjue": 20, "tretti": 30, "tredve": 30, "seksti": 60, "nitti": 90],
        "nn": ["ein": 1, "eitt": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7,
               "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14, "femten": 15,
               "tjue": 20, "tretti": 30, "seksti": 60, "nitti": 90],
        "en": ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
               "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90],
    ]

    /// Unit words (all inflections listed) → engine unit.
    static let units: [(String, String)] = {
        let table: [String: [String]] = [
            "hours": ["timmar", "timmars", "timmarna", "timme", "timmes", "timer", "timers", "timene", "time", "timar", "timars", "timane",
                      "hours", "hour", "hours'"],
            "days": ["dagar", "dagars", "dagarna", "dag", "dags", "dage", "dages", "dagene", "dager", "dagers", "dagane", "døgn",
                     "kalenderdagar", "kalenderdagars", "kalenderdagarna", "kalenderdage", "kalenderdages", "kalenderdagers", "kalenderdagene", "kalenderdager", "kalenderdagane",
                     "days", "day", "days'", "calendar days"],
            "working_days": ["arbetsdagar", "arbetsdag", "arbetsdagars", "bankdagar", "bankdag", "bankdagars",
                             "bankdage", "bankdages", "bankdager", "bankdagers", "arbejdsdage", "arbejdsdag",
                             "arbejdsdages", "hverdage", "hverdages", "virkedager", "virkedag", "virkedagers",
                             "virkedagar", "arbeidsdager", "arbeidsdag", "arbeidsdagers", "arbeidsdagar",
                             "yrkedagar", "business days", "business day", "working days", "working day",
                             "bank days", "business days'", "working days'"],
            "weeks": ["veckor", "veckors", "veckorna", "vecka", "veckas", "uger", "ugers", "ugerne", "uge", "uges", "uker", "ukers", "ukene",
                      "uke", "ukes", "veker", "vekers", "veke", "weeks", "week", "weeks'"],
            "months": ["månader", "månaders", "månaderna", "månad", "månads", "måneder", "måneders", "månedene", "måned", "måneds",
                       "månadar", "månadars", "months", "month", "months'"],
            "years": ["år", "års", "years", "year", "years'"],
        ]
        return table.flatMap { u, ws in ws.map { ($0, u) } }.sorted { $0.0.count > $1.0.count }
    }()

    /// Vague wording → unit `vague`, value 0 (only with a verb of notifying, objecting or claiming).
    static let vague = ["utan onödigt dröjsmål", "utan dröjsmål", "skyndsamt", "snarast möjligt",
                        "uden unødig forsinkelse", "uden ugrundet ophold", "uden unødigt ophold",
                        "uten ugrunnet opphold", "uten unødig opphold", "utan ugrunna opphald", "utan unødig opphald",
                        "utan unødvendig opphald", "innen rimelig tid", "inom skälig tid", "inom rimlig tid",
                        "inden for rimelig tid", "innan rimeleg tid", "without undue delay", "promptly",
                        "within a reasonable time", "as soon as possible",
                        // Immediately / at once (with a verb of notifying, a notice duty).
                        "omgående", "omedelbart", "straks", "snarast", "snarest mulig", "snarest", "snarast mogleg",
                        "snarast muleg", "immediately", "prompt", "without undue-delay"]
    /// Vague advance notice ("rimelig varsel om revisjon", "varsles i god tid", "with reasonable advance
    /// notice"): `vague`, direction before. The phrase is itself the notice, no verb needed.
    static let vagueBefore = ["rimeligt forudgående varsel", "rimeligt varsel", "rimelig varsel", "rimelig forhåndsvarsel",
                              "rimeleg varsel", "skäligt varsel", "rimligt varsel", "reasonable advance notice",
                              "reasonable prior notice", "reasonable notice", "i god tid", "i rimelig tid", "i rimeleg tid"]
    /// Of those, the ones that say when but not that it is a notice: they need a verb of notifying.
    static let vagueBeforeNeedsVerb = ["i god tid", "i rimelig tid", "i rimeleg tid"]
    /// Acts with a deadline of their own (delete, return, remedy): a vague time for them is a rule too.
    /// (Restoring after an incident is a service level, not listed.)
    static let actVerbs = #"\b(slett\w*|radera\w*|delete\w*|erase\w*|avhjelp\w*|afhjælp\w*|remed\w*|tilbakelever\w*|återlämna\w*|tilbagelever\w*)"#
    /// Verbs that make a vague phrase a notice duty.
    static let noticeVerbs = #"(meddela|underrätta|informera|invända|anmäla|rapportera|reklamera|underrett|meddel|informer|indsigelse|reklamer|varsl|melde|meld|protester|motsette|gi beskjed|gje beskjed|notify|inform|object|report|claim|complain|klage|klaga|underrett|gi melding|bekräftelse|bekræftelse|confirm|contact|kontakt|fremsend|notice|svar|respond|reply)"#
    /// Immediate effect → unit `vague`, value 0, anchor termination.
    static let immediate = ["med omedelbar verkan", "till omedelbart upphörande", "med omedelbart upphörande",
                            "med øjeblikkelig virkning", "med omgående virkning", "med umiddelbar virkning",
                            "med umiddelbar verknad", "with immediate effect", "terminate immediately",
                            // Termination without notice ("opsige … uden varsel ved væsentlig misligholdelse").
                            "uden varsel", "uten varsel", "utan varsel", "without notice", "without prior notice"]

    static let before = #"^\W{0,3}(före|innan(?! för)|i förväg|i förtid|før|forud for|inden(?! for)|prior to|prior|in advance|before|ahead of|på forhånd|i forvejen|i forveien|på førehand|på forehand|i förhand|i forkant|((skriftlig|skriftligt|skriftlige|skriftliga|skriftleg|written|advance)\s+)?(varsel|varsels|notice|notis|förvarning|forhåndsvarsel|forvarsel)|forudgående|forutgående|føre)\b"#
    static let after = #"^\W{0,3}(efter|etter|etter at|after|från|fra|frå|from|following|of receipt|of the|regnet fra|räknat från|counted from)\b"#
    static let beforeLead = #"\b(varsel|varsling|forhåndsvarsel|förvarning|forvarsel|varsles|varslast|varslas|forudgående|forutgående|förhand|i förväg|prior|advance|notice of at least|notice)\b[^.]{0,40}$"#
    static let withinLead = #"\b(inom|innen|inden for|innanfor|innenfor|within|senast inom|no later than)\s*$"#
    static let termination = #"\b(uppsägning\w*|säga upp|sägas upp|sägs upp|opsigelse\w*|opsige|opsiges|oppsigelse\w*|si opp|sies opp|sagt opp|seie opp|seiast opp|oppseiing\w*|terminat\w*|notice period|heve|heves|heving|hevet|hæve|hæves|ophæve\w*|häva|hävning\w*)\b"#
    static let ends = #"(?<![\p{L}\p{N}])(avtalstidens utgång|utgången|udgangen|utgangen|utgongen|end of|utgång|upphörande|upphör|udløb\w*|ophør\w*|utløp\w*|opphør\w*|opphøyr|expiry|expiration|end of the term|ends|sades upp|förnyelse\w*|fornyelse\w*|renewal|avslutning\w*|afslutning\w*)\b"#
    static let receipt = #"\b(mottagandet|mottagande|modtagelse|modtagelsen|mottak|mottaket|receipt|received|meddelandet|underretningen|varselet|notification)\b"#
    static let change = #"\b(träder i kraft|träda i kraft|börja gälla|börjar gälla|börjar tillämpas|börjar fungera|træder i kraft|trer i kraft|tek til å gjelde|tar til å gjelde|takes effect|take effect|becomes effective|engasjeres|overdragelse|ändring\w*|ændring\w*|endring\w*|change\w*)\b"#
    static let written = #"\b(skriftligen|skriftligt|skriftlig|skriftliga|skriftlige|skriftleg|skriftlege|in writing|written)\b"#
    static let grounds = #"\b(sakliga skäl|sakligt skäl|saklig grund|saglig begrundelse|saglig grund|sagligt begrundet|saklig grunn|sakleg grunn|objective reasons?|objectively justified|reasonable grounds|reasonable objection)\b"#
    static let us = #"\b(kund(en|ens)?|användar(en|ens)|institution(en|ens)|beställar(en|ens)|behandlingsansvarlig\w*|personuppgiftsansvarig\w*|dataansvarlig\w*|(the )?customer('s)?|(the )?controller('s)?|kommun(en|ens)|oppdragsgiver\w*)\b"#
    static let them = #"\b(leverantör(en|ens)|leverandør(en|ens)?|migrationsverket(s)?|pureservice|databehandler\w*|databehandlar\w*|personuppgiftsbiträde(t|ts)|biträde(t|ts)|(the )?supplier('s)?|(the )?processor('s)?|(the )?provider('s)?|tjenesteleverandør\w*|underleverantör\w*)\b"#
    static let either = #"\b(parterna|partene|parterne|partane|either party|each party|ömsesidig|gensidig|gjensidig|den skadelidande|skadelidte|the injured party|vardera parten|hver af parterne|hver av partene|kvar av partane|den andra parten|den anden part|den andre parten|the other party)\b"#
    /// A passive duty of the named party ("Kunden skal varsles", "the Customer shall be notified"): the other party acts.
    static let passive = #"^\s*(skal|ska|skall|må|shall|must|will)\s+(be\s+\w+ed|\p{L}+(es|as|ast|s))\b"#
    static let endOfMonth = #"\b(till utgången av|til udgangen af|til utgangen av|til utgongen av|by the end of|to the end of)\b[^.]{0,30}\b(månad|måned|kalendermånad|kalendermåned|month|kvartal|quarter)"#
    /// Numbers that are not periods: the sentence is a price, payment, service-level or retention
    /// statement, or the number is inside a quotation being amended.
    static let payment = #"\b(faktur\w*|invoice\w*|betalning\w*|betaling\w*|payment\w*|payable|forfall\w*|forfald\w*)\b"#
    /// A payment term: the sentence is about paying (the period is the payment term).
    static let paymentTerm = #"\b(betala|betale|betalast|pay|be paid|betalning ska ske|betalning skall ske|betaling skal ske|betaling skal skje|betaling skal skje|betales|betalas|payable|payment is due|forfaller|forfalder|rykker\w*|purring\w*|inkasso\w*|invoices? (?:are|is) due)\b"#
    /// Service-level figures, not notice periods.
    static let serviceLevel = #"\b(responstid|response time|svarstid|svartid|reaktionstid|løsningstid|lösningstid)\b"#
    /// A renewal or term length ("förlängs med ett år i taget"), not a notice period.
    static let renewal = #"\b(förlängs med|förlängs automatiskt med|forlænges med|forlenges med|forlengjast med|renews for|renewed for|extended by|extended for|löper på|løper i|løber i)\s*$|\b(förlängs|forlænges|forlenges|fornyes|fornyast|forlengjast|renews?|renewed|extended)\b[^.]{0,30}\b(med|for|by|i|with)\s+((ytterligere|ytterligare|yderligere|further|additional|another)\s+)?((minst|mindst|at least)\s+)?$"#
    /// Right after a period: a renewal step ("ett år i taget", "for ett år av gangen", "at a time") or a
    /// length reaching forward ("tre månader framåt").
    static let renewalAfter = #"^\W{0,3}(i taget|av gangen|ad gangen|om gangen|at a time|i sänder|framåt|fremover|frem|forward)\b"#
    /// An earliest date, not a period to keep ("dock tidigast 3 månader efter tecknande").
    static let lowerBound = #"\b(tidigast|tidligst|tidlegast|at the earliest|no earlier than)\s*$"#
    /// Lengths that are not deadlines: a free trial ("30 dagars gratis prøveperiode", "Prøveperioden er
    /// 30 dagar"), and how long confidentiality survives ("for a period of three (3) years from such termination").
    static let trialBefore = #"\b(prøveperiode\w*|provperiod\w*|prøveperiod\w*|trial\w*)\s+(er|är|is|på|om|of|var|vara)\s*$"#
    static let trialAfter = #"^\W{0,3}((gratis|free)\s+)?(prøveperiode|provperiod|prøveperiod|trial)"#
    static let survival = #"\b(surviv\w*|fortsätter att gälla|gäller även)\b"#
    static let survivalLead = #"\b(for a period of|under en period om|i en periode på)\s*$"#
    static let thereafter = #"^\W{0,3}(därefter|derefter|deretter|thereafter)\b"#
    /// A limitation of liability: its periods are look-backs ("betaling i 12 måneder før"), not deadlines.
    static let liabilityCap = #"(\w*ansvar\w*|\bliabilit\w*)\b[^.]{0,120}?\b(begrænset|begrenset|begränsat|begränsas|limited)\b"#
    /// A duration something lasts ("Sekretessen gäller även i fem år", "applies for 5 years"), not a deadline.
    static let duration = #"\b(gäller|gälla|gælder|gjelder|gjeld|applies|apply|survives?|remains? in force|continues?|består|løber|løper|löper|runs?)\b[^.]{0,25}\b(i|in|for|under)\s*$"#
    static let upperBound = #"\b(inntil|intill|indtil|højst|högst|højest|høyest|høgst|maximum|maximalt|maksimalt|maks|max|at most|siste|senaste|seneste|last|up to)\s*$"#
    static let yearly = #"\b(minst|mindst|at least)?\s*(en gång|én gang|en gang|ein gong|once)?\s*\b(årligen|årligt|årlig|årleg|annually|yearly|once a year|per år|om året|hvert år|varje år|every year|each year)\b"#
    static let fee = #"^\s*\W?\s*(avgift|afgift|pris|fee|kostnad|omkostning|lisens|licens|vederlag|abonnement|rapport|report|oppgjør|budget)"#
}
