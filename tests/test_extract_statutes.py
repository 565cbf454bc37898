"""Statutory references: instrument (full title with year), provision and legislation.gov.uk id.

Each row is a sentence or two in the style of a decision's legal comments, and the
references a careful analyst reads from it, one per mention, in text order. Provisions
are written as the record writes them: lower-case kind, then the id as cited
("section 149(1)", "regulation 72", "article 8"), the outermost provision first
("schedule 12A, paragraph 3"), a part numbered in brackets written onto its provision
("regulation K5(4)"). Where an instrument has a
legislation.gov.uk page its id is asserted (these are public facts: "ukpga/2010/15" is
the Equality Act 2010); `ANY` only where the instrument is outside the documented table.
"""

from __future__ import annotations

from typing import Any, NamedTuple
from unittest.mock import ANY

import pytest

from schemas.record import DecisionRecord
from tests.case_records import Has, parametrize_groups
from tests.conftest import record_of


class Ref(NamedTuple):
    instrument: Any
    provision: Any = None
    uri: Any = None


class StatuteCase(NamedTuple):
    id: str
    text: str
    expected: tuple[Ref, ...]


def record_to_refs(record: DecisionRecord) -> list[Ref]:
    return [Ref(r.instrument, r.provision, r.uri) for r in record.statutory_references]


EQA = "Equality Act 2010"
EQA_URI = "ukpga/2010/15"
PCR = "Public Contracts Regulations 2015"
PCR_URI = "uksi/2015/102"
GLAA = "Greater London Authority Act 1999"
GLAA_URI = "ukpga/1999/29"
DPA = "Data Protection Act 2018"
DPA_URI = "ukpga/2018/12"
GDPR = "General Data Protection Regulation"
UK_GDPR = "UK General Data Protection Regulation"
GDPR_URI = "eur/2016/679"
ECHR = "European Convention on Human Rights"
PRSRA = "Police Reform and Social Responsibility Act 2011"
PRSRA_URI = "ukpga/2011/13"

CASES_FROM_ISSUE = [
    StatuteCase("section-subsection-of-the-act",
                "MOPAC must have due regard to section 149(1) of the Equality Act 2010.",
                (Ref(EQA, "section 149(1)", EQA_URI),)),
    StatuteCase("act-comma-s-dot", "This is the public sector equality duty (the Equality Act "
                "2010, s. 149).", (Ref(EQA, "section 149", EQA_URI),)),
    StatuteCase("dpa-2018-abbreviation", "Personal data will be processed in line with the "
                "DPA 2018.", (Ref(DPA, None, DPA_URI),)),
    StatuteCase("gdpr-abbreviation", "A privacy impact assessment has been completed as the "
                "GDPR requires.", (Ref(GDPR, None, GDPR_URI),)),
    StatuteCase("s-glued-to-id", "Collaboration agreements are made under s22A of the Police "
                "Act 1996.", (Ref("Police Act 1996", "section 22A", "ukpga/1996/16"),)),
    StatuteCase("defined-abbreviation", "The procurement will follow the Public "
                           "Contracts Regulations 2015 (the PCRs). Regulation 72 of the PCRs "
                           "permits the change.",
                           (Ref(PCR, None, PCR_URI), Ref(PCR, "regulation 72", PCR_URI))),
    StatuteCase("list-of-sections", "Sections 82 and 84 of the Housing Act 2004 apply to these "
                "premises.", (Ref("Housing Act 2004", "section 82", "ukpga/2004/34"),
                              Ref("Housing Act 2004", "section 84", "ukpga/2004/34"))),
    StatuteCase("back-reference-that-act", "The Mayor has powers under the Greater London "
                "Authority Act 1999. Section 30 of that Act gives a general power.",
                (Ref(GLAA, None, GLAA_URI), Ref(GLAA, "section 30", GLAA_URI))),
    StatuteCase("back-reference-year-act", "The Data Protection Act 2018 applies. Under section "
                "64 of the 2018 Act an impact assessment is required.",
                (Ref(DPA, None, DPA_URI), Ref(DPA, "section 64", DPA_URI))),
    StatuteCase("back-reference-above-order", "The Policing Protocol Order 2011 sets out the "
                "roles. Paragraph 17 of the above Order describes the Commissioner's duties.",
                (Ref("Policing Protocol Order 2011", None, "uksi/2011/2744"),
                 Ref("Policing Protocol Order 2011", "paragraph 17", "uksi/2011/2744"))),
    StatuteCase("echr-article", "Article 8 of the European Convention on Human Rights is "
                "engaged by the proposal.", (Ref(ECHR, "article 8", None),)),
    StatuteCase("regulation-with-subdivisions", "The award is made under regulation 32(2)(c) of "
                "the Public Contracts Regulations 2015.",
                (Ref(PCR, "regulation 32(2)(c)", PCR_URI),)),
    StatuteCase("schedule-to-act", "Schedule 3 to the Police Reform and Social Responsibility "
                "Act 2011 sets out the arrangements.", (Ref(PRSRA, "schedule 3", PRSRA_URI),)),
    StatuteCase("article-of-uk-gdpr", "Article 35 of the UK GDPR requires an impact "
                "assessment.", (Ref(UK_GDPR, "article 35", GDPR_URI),)),
    StatuteCase("order-with-year", "The application is referable under the Town and Country "
                "Planning (Mayor of London) Order 2008.",
                (Ref("Town and Country Planning (Mayor of London) Order 2008", None,
                     "uksi/2008/580"),)),
]

CASES_FROM_FORMAT = [
    StatuteCase("section-capital-s", "Section 17 of the Crime and Disorder Act 1998 places a "
                "duty on MOPAC.", (Ref("Crime and Disorder Act 1998", "section 17",
                                       "ukpga/1998/37"),)),
    StatuteCase("s-dot-before", "This duty arises under s.17 of the Crime and Disorder Act 1998.",
                (Ref("Crime and Disorder Act 1998", "section 17", "ukpga/1998/37"),)),
    StatuteCase("act-comma-section", "MOPAC must consider the Crime and Disorder Act 1998, "
                "section 17, when commissioning services.",
                (Ref("Crime and Disorder Act 1998", "section 17", "ukpga/1998/37"),)),
    StatuteCase("act-alone", "The Human Rights Act 1998 applies to all public authorities.",
                (Ref("Human Rights Act 1998", None, "ukpga/1998/42"),)),
    StatuteCase("general-power-of-competence", "Section 1 of the Localism Act 2011 gives the "
                "council a general power of competence.",
                (Ref("Localism Act 2011", "section 1", "ukpga/2011/20"),)),
    StatuteCase("best-value-duty", "The council has a duty under section 3(1) of the Local "
                "Government Act 1999 to secure best value.",
                (Ref("Local Government Act 1999", "section 3(1)", "ukpga/1999/27"),)),
    StatuteCase("grant-power", "The grant is paid under section 31 of the Local Government Act "
                "2003.", (Ref("Local Government Act 2003", "section 31", "ukpga/2003/26"),)),
    StatuteCase("incidental-power", "Section 111 of the Local Government Act 1972 permits "
                "anything incidental to the council's functions.",
                (Ref("Local Government Act 1972", "section 111", "ukpga/1972/70"),)),
    StatuteCase("gla-act-section-as-amended", "The Mayor may do so under section 38 of the "
                "Greater London Authority Act 1999 (as amended).",
                (Ref(GLAA, "section 38", GLAA_URI),)),
    StatuteCase("act-as-amended-then-section", "The Greater London Authority Act 1999 (as "
                "amended), s.30 provides the general power.",
                (Ref(GLAA, "section 30", GLAA_URI),)),
    StatuteCase("regulation-72-1-b", "Regulation 72(1)(b) of the Public Contracts Regulations "
                "2015 allows additional works.", (Ref(PCR, "regulation 72(1)(b)", PCR_URI),)),
    StatuteCase("pcr-alias-with-year", "The contract was let in line with the PCR 2015.",
                (Ref(PCR, None, PCR_URI),)),
    StatuteCase("procurement-act", "From February 2025 the Procurement Act 2023 governs new "
                "procurements.", (Ref("Procurement Act 2023", None, "ukpga/2023/54"),)),
    StatuteCase("articles-list", "Articles 6 and 9 of the UK GDPR set the lawful bases.",
                (Ref(UK_GDPR, "article 6", GDPR_URI), Ref(UK_GDPR, "article 9", GDPR_URI))),
    StatuteCase("eu-regulation-number", "Processing complies with Regulation (EU) 2016/679.",
                (Ref(GDPR, None, GDPR_URI),)),
    StatuteCase("echr-abbreviation-article", "Article 2 of the ECHR protects the right to life.",
                (Ref(ECHR, "article 2", None),)),
    StatuteCase("foia-defined-then-used", "Requests will be handled under the "
                           "Freedom of Information Act 2000 (FOIA). Under FOIA, exempt "
                           "information may be withheld.",
                           (Ref("Freedom of Information Act 2000", None, "ukpga/2000/36"),
                            Ref("Freedom of Information Act 2000", None, "ukpga/2000/36"))),
    StatuteCase("tupe-title", "The Transfer of Undertakings (Protection of Employment) "
                "Regulations 2006 will apply to staff.",
                (Ref("Transfer of Undertakings (Protection of Employment) Regulations 2006",
                     None, "uksi/2006/246"),)),
    StatuteCase("tupe-alias", "TUPE is likely to apply to the incumbent's staff.",
                (Ref("Transfer of Undertakings (Protection of Employment) Regulations 2006",
                     None, "uksi/2006/246"),)),
    StatuteCase("specific-duties-regulations-not-the-act", "The Equality Act 2010 (Specific "
                "Duties) Regulations 2011 require published objectives.",
                (Ref("Equality Act 2010 (Specific Duties) Regulations 2011", None,
                     "uksi/2011/2260"),)),
    StatuteCase("act-without-year-one-meant", "The Equality Act requires MOPAC to "
                "have due regard to the need to eliminate discrimination.",
                (Ref(EQA, None, EQA_URI),)),
    StatuteCase("section-of-act-without-year", "MOPAC has had regard to section 149 "
                "of the Equality Act.", (Ref(EQA, "section 149", EQA_URI),)),
    StatuteCase("act-without-year-named-earlier", "The Housing Act 2004 applies. Under the "
                "Housing Act the council may license landlords.",
                (Ref("Housing Act 2004", None, "ukpga/2004/34"),
                 Ref("Housing Act 2004", None, "ukpga/2004/34"))),
    StatuteCase("act-without-year-takes-the-documents-year", "The Equality Act 2006 created the "
                "Commission. The Equality Act also set its duties.",
                (Ref("Equality Act 2006", None, "ukpga/2006/3"),
                 Ref("Equality Act 2006", None, "ukpga/2006/3"))),
    StatuteCase("provision-in-brackets-after-title", "MOPAC has considered the Equality Act 2010 "
                "(section 149) in reaching this decision.", (Ref(EQA, "section 149", EQA_URI),)),
    StatuteCase("range-of-sections", "Sections 12 to 15 of the Children Act 2004 apply.",
                (Ref("Children Act 2004", Has("12 to 15"), "ukpga/2004/31"),)),
    StatuteCase("title-with-comma", "The Anti-social Behaviour, Crime and Policing Act 2014 "
                "introduced community protection notices.",
                (Ref("Anti-social Behaviour, Crime and Policing Act 2014", None,
                     "ukpga/2014/12"),)),
    StatuteCase("title-with-etc", "The Health and Safety at Work etc. Act 1974 applies to the "
                "works.", (Ref("Health and Safety at Work etc. Act 1974", None,
                               "ukpga/1974/37"),)),
    StatuteCase("title-with-brackets", "The Public Services (Social Value) Act 2012 requires "
                "social value to be considered.",
                (Ref("Public Services (Social Value) Act 2012", None, "ukpga/2012/3"),)),
    StatuteCase("misspelt-title", "The contract was procured under the Public Contract "
                "Regulations 2015.", (Ref(PCR, None, PCR_URI),)),
    StatuteCase("public-contracts-directive", "The thresholds derive from Directive 2014/24/EU.",
                (Ref("Public Contracts Directive", None, "eudr/2014/24"),)),
    StatuteCase("back-reference-the-act", "The Police Act 1996 applies. Under section 92 of the "
                "Act the Mayor may make grants.",
                (Ref("Police Act 1996", None, "ukpga/1996/16"),
                 Ref("Police Act 1996", "section 92", "ukpga/1996/16"))),
    StatuteCase("back-reference-said-act", "Councils have a general power under "
                           "the Localism Act 2011. The said Act also created neighbourhood "
                           "planning.",
                           (Ref("Localism Act 2011", None, "ukpga/2011/20"),
                            Ref("Localism Act 2011", None, "ukpga/2011/20"))),
    StatuteCase("back-reference-nearest-act", "The Police Act 1996 and the Greater London "
                "Authority Act 1999 both apply. Section 30 of that Act is relied on.",
                (Ref("Police Act 1996", None, "ukpga/1996/16"), Ref(GLAA, None, GLAA_URI),
                 Ref(GLAA, "section 30", GLAA_URI))),
    StatuteCase("defined-act-abbreviation", "The Data Protection Act 2018 (DPA) applies. The DPA "
                "requires a lawful basis.", (Ref(DPA, None, DPA_URI), Ref(DPA, None, DPA_URI))),
    StatuteCase("abbreviation-inside-title", "Data is processed under the Data Protection Act "
                "(DPA) 2018. The DPA requires a lawful basis.",
                (Ref(DPA, None, DPA_URI), Ref(DPA, None, DPA_URI))),
    StatuteCase("sections-of-two-acts", "MOPAC relies on sections 1 and 2 of the Localism Act "
                "2011 and section 111 of the Local Government Act 1972.",
                (Ref("Localism Act 2011", "section 1", "ukpga/2011/20"),
                 Ref("Localism Act 2011", "section 2", "ukpga/2011/20"),
                 Ref("Local Government Act 1972", "section 111", "ukpga/1972/70"))),
    StatuteCase("two-instruments-one-sentence", "Consideration has been given to the Human "
                "Rights Act 1998 and the Equality Act 2010.",
                (Ref("Human Rights Act 1998", None, "ukpga/1998/42"), Ref(EQA, None, EQA_URI))),
    StatuteCase("instrument-outside-table", "The Police and Fire Reform (Scotland) Act 2012 "
                "created Police Scotland.",
                (Ref("Police and Fire Reform (Scotland) Act 2012", None, ANY),)),
    StatuteCase("paragraph-of-schedule", "Paragraph 7 of Schedule 3 to the Police "
                           "Reform and Social Responsibility Act 2011 applies.",
                           (Ref(PRSRA, "schedule 3, paragraph 7", PRSRA_URI),)),
    StatuteCase("section-list-with-subsections", "Sections 26(1) and 26A(1) of the Police Act "
                "1996 are relevant.",
                (Ref("Police Act 1996", "section 26(1)", "ukpga/1996/16"),
                 Ref("Police Act 1996", "section 26A(1)", "ukpga/1996/16"))),
    StatuteCase("sub-paragraph-later", "Regulation 12 of the Police Pensions Regulations 1987 "
                "states at sub paragraph (4) that the pension may be forfeited.",
                (Ref("Police Pensions Regulations 1987", "regulation 12(4)", "uksi/1987/257"),)),
    StatuteCase("regulations-abbreviation-reg", "The contract may be modified under reg. 72 of "
                "the Public Contracts Regulations 2015.", (Ref(PCR, "regulation 72", PCR_URI),)),
    StatuteCase("bare-section-agreement", "The developer will pay the contribution under a "
                "Section 106 agreement.", (Ref("section 106", None, None),)),
    StatuteCase("rules-instrument", "Appeals follow the Police Appeals Tribunals Rules 2020.",
                (Ref("Police Appeals Tribunals Rules 2020", None, ANY),)),
    StatuteCase("article-then-abbreviation-no-of", "Article 14 ECHR prohibits "
                           "discrimination.", (Ref(ECHR, "article 14", None),)),
    StatuteCase("ss-list", "Powers under ss. 26 and 27 of the Police Act 1996 are used.",
                (Ref("Police Act 1996", "section 26", "ukpga/1996/16"),
                 Ref("Police Act 1996", "section 27", "ukpga/1996/16"))),
    StatuteCase("title-wrapped-over-lines", "In reaching this decision MOPAC has had regard to "
                "section 149 of the Equality\nAct 2010 and to the needs of victims.",
                (Ref(EQA, "section 149", EQA_URI),)),
    StatuteCase("lower-case-title", "Officers have considered the equality act 2010 in full.",
                (Ref(EQA, None, EQA_URI),)),
    StatuteCase("alias-ea-2010", "This complies with s.149 of the EA 2010.",
                (Ref(EQA, "section 149", EQA_URI),)),
    StatuteCase("regulations-comma-regulation", "The award follows the Public Contracts "
                "Regulations 2015, regulation 33, for framework agreements.",
                (Ref(PCR, "regulation 33", PCR_URI),)),
    StatuteCase("part-of-act", "Part 2 of the Police Reform and Social Responsibility Act 2011 "
                "deals with the Mayor's Office.", (Ref(PRSRA, "part 2", PRSRA_URI),)),
]

NEGATIVES = [
    StatuteCase("strategy", "The Mayor's Transport Strategy sets the direction.", ()),
    StatuteCase("act-of-parliament", "A new Act of Parliament would be needed for that change.",
                ()),
    StatuteCase("verb-act", "Officers will act in accordance with the Code of Ethics.", ()),
    StatuteCase("section-of-report", "Section 3 of this report explains the options.", ()),
    StatuteCase("scheme-of-delegation", "Paragraph 4.14 of the MOPAC Scheme of Delegation and "
                "Consent applies.", ()),
    StatuteCase("police-and-crime-plan", "The Police and Crime Plan 2022-25 sets priorities.",
                ()),
    StatuteCase("london-plan", "Policy D3 of the London Plan 2021 requires good design.", ()),
    StatuteCase("future-regulations", "Regulations will be made later this year.", ()),
    StatuteCase("articles-of-association", "Article 4 of the company's Articles of Association "
                "sets the quorum.", ()),
    StatuteCase("data-protection-officer", "The Data Protection Officer has been consulted.",
                ()),
    StatuteCase("unresolved-year-act", "Under the 2018 Act the position is different.", ()),
    StatuteCase("order-word", "The purchase order was raised in May.", ()),
    StatuteCase("the-order-capitalised", "The Order of Service was printed for the memorial.",
                ()),
    StatuteCase("planning-policy-framework", "The National Planning Policy Framework applies.",
                ()),
    StatuteCase("impact-assessment", "An Equality Impact Assessment has been completed.", ()),
    StatuteCase("ministry-of-justice", "The Ministry of Justice has been consulted.", ()),
    StatuteCase("regulations-lower-case", "The building regulations were met.", ()),
    StatuteCase("gdpr-in-template-heading", "GDPR and Data Privacy\n"
                           "6.1. The MPS will complete a privacy impact assessment.\n", ()),
    StatuteCase("bare-the-act", "The Act received Royal Assent last year.", ()),
    StatuteCase("human-rights-words", "Human rights considerations are set out below.", ()),
    StatuteCase("convention-centre", "The event is at the ExCeL Convention Centre.", ()),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT, negative=NEGATIVES),
)
def test_statutory_references(case: StatuteCase) -> None:
    assert record_to_refs(record_of(case.text)) == list(case.expected)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *NEGATIVES]
