import XCTest
@testable import VarselIntake

/// One test per rule the collected corpus (Corpus/collected-sentences.json) showed missing, each on a
/// sentence quoted from it (source in the corpus entry). docs/intake.md lists the rules.
final class CollectedRuleTests: XCTestCase {
    func rules(_ s: String, _ l: String) -> [String] {
        IntakeEngine.propose(s, language: l).rules.map { "\($0.value) \($0.unit) \($0.direction) \($0.anchor)\($0.writtenForm ? " w" : "")" }
    }

    func testNoticeWordWithAnAdjectiveIsAdvanceNotice() {
        XCTAssertEqual(rules("Leverantören förbehåller sig rätten att uppdatera allmänna villkor med 60 dagars skriftligt förvarning.", "sv"),
                       ["60 days before change_takes_effect w"])
        XCTAssertEqual(rules("SESAM may adjust the agreed Subscription Fee once\nper year, upon 3 months' written notice.", "en"),
                       ["3 months before change_takes_effect w"])
        // In a termination sentence it stays the notice period, counted from the notice.
        XCTAssertEqual(rules("Etter bindingsperiodens utløp kan avtalen sies opp av begge parter med 3 – tre – måneders skriftlig varsel.", "nb"),
                       ["3 months after termination_notice w"])
    }

    func testObjectionAndCureWindows() {
        XCTAssertEqual(rules("Kunden har 30 dager til å motsette seg endringen før den trer i kraft.", "nb"),
                       ["30 days after change_notice_received"])
        XCTAssertEqual(rules("If _Controller_ gives _Processor_ notice of a reasonable objection within fourteen calendar days:", "en"),
                       ["14 days after change_notice_received"])
        XCTAssertTrue(IntakeEngine.propose("If _Controller_ gives _Processor_ notice of a reasonable objection within fourteen calendar days:", language: "en").rules[0].groundsRequired)
        XCTAssertEqual(rules("Either party may terminate these _Logfire Terms_ or an Order upon written notice in the event\nthe other party materially breaches these _Logfire Terms_ and such breach is not cured within thirty days after written\nnotice of such breach.", "en"),
                       ["30 days after event w"])
        XCTAssertEqual(rules("If _Processor_ cannot make such a change within thirty calendar days, _Controller_ may terminate the _Services Agreement_ to the extent of the _Services_ that require the new _Subprocessor_.", "en"),
                       ["30 days after event"])
    }

    func testAnchorsFromWithdrawalMaintenanceAndTheEnd() {
        XCTAssertEqual(rules("SB tillämpar Distans- och hemförsäljningslagen (SFS 2005:59), vilket innebär att Kunden alltid har rätt att ångra ingånget avtal inom 14 dagar.", "sv"),
                       ["14 days after event"])
        XCTAssertEqual(rules("Planlagt vedlikehold varsles minst 48 timer i forkant via e-post og systemvarsel.", "nb"), ["48 hours before event"])
        XCTAssertEqual(rules("_Processor_ agrees to return the copy requested within thirty calendar days of the _End of Services_.", "en"),
                       ["30 days after agreement_ends"])
        XCTAssertEqual(rules("Med mindre avtalen er sagt opp av en av partene minst 3 måneder før utløpsdato, fornyes automatisk avtalen per 1. juli for ett år av gangen.", "nb"),
                       ["3 months before agreement_ends"])
    }

    func testLengthsThatAreNotDeadlines() {
        for (s, l) in [
            ("Leverandørens samlede erstatningsansvar under denne avtalen er begrenset til 3 måneders abonnementsbeløp betalt av kunden de siste 12 måneder før kravet oppsto.", "nb"),
            ("Tenesta er tilgjengeleg via abonnement med 30 dagars gratis prøveperiode.", "nn"),
            ("Prøveperioden er 30 dagar og krev ikkje kredittkort", "nn"),
            ("Båda parter förbinder sig att inte röja konfidentiell information om den andra parten till tredje part under avtalstiden och under 36 månader därefter.", "sv"),
            ("The rights and obligations related to the Confidential Information shall survive the\ntermination of these _Logfire Terms_ for a period of three (3) years from such termination.", "en"),
            ("Om uppsägning av tjänsten inte skett av kunden under avtalstiden enligt punkten 3.1 förlängs tjänsten med minst 12 månader och maximalt 18 månader beroende på den initiala avtalsperioden.", "sv"),
            ("Avtalet är bindande från det datum det tecknas och tre månader framåt.", "sv"),
            ("Såfremt betaling stadig ikke er modtaget inden 7 dage efter rykker 2, spærres adgangen til Applikationen.", "da"),
            ("Invoices are due after 30 calendar days.", "en"),
            ("Revisjon kan maksimalt gjennomføres 1 gang per år.", "nb"),
        ] {
            XCTAssertEqual(rules(s, l), [], s)
        }
        XCTAssertEqual(rules("Med 90 dagars uppsägningstid, dock tidigast 3 månader efter tecknande.", "sv"), ["90 days after termination_notice"])
    }

    func testVagueTimes() {
        XCTAssertEqual(rules("Databehandleren underretter omgående den dataansvarlige, hvis en instruks efter vedkommendes mening er i strid med denne forordning eller databeskyttelsesbestemmelser i anden EU-ret eller medlemsstaternes nationale ret.", "da"),
                       ["0 vague after event"])
        XCTAssertEqual(rules("Kunden skal gi Leverandøren rimelig varsel om revisjon og Leverandøren skal akseptere revisjon innen rimelig tid.", "nb"),
                       ["0 vague before event"])
        // A vague and a firm time for one duty: both bind (as the demo records Pureservice 7.2).
        XCTAssertEqual(rules("Databehandleren skal underrette den dataansvarlige uden unødig forsinkelse (og senest 48 timer), når han bliver opmærksom på et databrud, der påvirker personoplysninger.", "da"),
                       ["48 hours after event", "0 vague after event"])
        XCTAssertEqual(rules("deranged kan opsige abonnementet med 6 måneders varsel eller uden varsel ved Kundens væsentlige misligholdelse af Vilkårene eller ved Kundens konkurs eller insolvens.", "da"),
                       ["6 months after termination_notice", "0 vague after termination_notice"])
        // "i god tid" says when, not that anyone is told: without a verb of notifying, no rule.
        XCTAssertEqual(rules("(d) I god tid tillhandhålla Leverantören lagliga och dokumenterade instruktioner för Leverantörens behandling av personuppgifter om inte annat överenskommits;", "sv"), [])
    }

    func testPartiesNamedBeforeALabelledNumber() {
        let hero = IntakeEngine.propose("1.1 Dessa Allmänna villkor gäller för de uppdrag där GDPR Hero (org.nr. 559088-5116) (härefter Dataskyddsombudet, GDPR Hero, vi eller vår) formellt innehar uppdraget som dataskyddsombud (härefter uppdraget) för dig som Kund (härefter Kund, du eller dig), (gemensamt omnämnda som Parterna).", language: "sv").parties
        XCTAssertEqual(hero.map(\.name), ["GDPR Hero"])
        XCTAssertEqual(hero.map(\.orgNumber), ["559088-5116"])
        // A sole trader's number (a personnummer) only where the text calls it an org. nr.
        let brf = IntakeEngine.propose("Dessa villkor reglerar förhållandet mellan kund, nedan kallad Kunden, och Simply BRF, org. nr, 810606-3954 nedan kallad SB, avseende tjänsten DinBRFSida.", language: "sv").parties
        XCTAssertEqual(brf.map(\.name), ["Simply BRF"])
        XCTAssertEqual(brf.map(\.orgNumber), ["810606-3954"])
        XCTAssertEqual(IntakeEngine.propose("Kunden 810606-3954 betalar.", language: "sv").parties.count, 0)
        let deranged = IntakeEngine.propose("Vilkårene gælder mellem deranged ApS (CVR 39602504, herefter \"deranged\") og kunden (herefter \"Kunden\").", language: "da").parties
        XCTAssertEqual(deranged.map(\.name), ["deranged ApS"])
    }

    func testMarkdownSubProcessorListsAndTables() {
        let table = "### Other Third-Party Subprocessors\n\nTo provide support and perform other service functions, _PSI_ may also engage the following entities to process\nCustomer Personal Data on your behalf:\n\n| Third-party Entity | Description of Processing | Corporate Location |\n|---|---|---|\n| Google LLC | Infrastructure Provider | United States |\n| GitHub, Inc. | Infrastructure Provider | United States |"
        let subs = IntakeEngine.propose(table, language: "en").subProcessors
        XCTAssertEqual(subs.map(\.name), ["Google LLC", "GitHub"])
        XCTAssertEqual(subs.map(\.country), ["US", "US"])
        let list = "## 8. Bruk av underdatabehandlere\n\nDatabehandler benytter følgende underdatabehandlere:\n- Render (hosting av backend)\n- Webflow (frontend og e-handelsløsning)\n- Stripe (betaling, for privatkunder)"
        let l = IntakeEngine.propose(list, language: "nb").subProcessors
        XCTAssertEqual(l.map(\.name), ["Render", "Webflow", "Stripe"])
        XCTAssertEqual(l.first?.purpose, "hosting av backend")
        // A list opened by a line ending in ":" ends with the list.
        let after = "Vi benytter følgende underdatabehandlere:\n- Render (hosting av backend)\nPartene er Kunde AS og Leverandør AS."
        XCTAssertEqual(IntakeEngine.propose(after, language: "nb").subProcessors.map(\.name), ["Render"])
    }
}
