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

LGA72 = "Local Government Act 1972"
LGA72_URI = "ukpga/1972/70"
PPR87 = "Police Pensions Regulations 1987"
PPR87_URI = "uksi/1987/257"
HRA = "Human Rights Act 1998"
ELPB = "Elected Local Policing Bodies (Specified Information) Order 2011"
PROPERTY = "Police (Property) Regulations 1997"

# Issue 11: provision forms, the canonical form (outermost first), and titles as
# publishers outside the first development set write them.
CASES_FROM_PROVISION_FORMS = [
    StatuteCase("paragraph-of-schedule-to-abbreviated-act", "The appendix is exempt under "
                "paragraph 3 of Schedule 12A to the LGA 1972.",
                (Ref(LGA72, "schedule 12A, paragraph 3", LGA72_URI),)),
    StatuteCase("part-of-schedule", "Appendix B is not for publication under Part 1 of "
                "Schedule 12A to the Local Government Act 1972.",
                (Ref(LGA72, "schedule 12A, part 1", LGA72_URI),)),
    StatuteCase("paragraph-of-part-of-schedule", "It is withheld by virtue of paragraph 3 of "
                "Part 1 of Schedule 12A to the Local Government Act 1972.",
                (Ref(LGA72, "schedule 12A, part 1, paragraph 3", LGA72_URI),)),
    StatuteCase("paragraphs-list-of-schedule", "Paragraphs 1 and 2 of Schedule 12A to the "
                "Local Government Act 1972 both apply to the annex.",
                (Ref(LGA72, "schedule 12A, paragraph 1", LGA72_URI),
                 Ref(LGA72, "schedule 12A, paragraph 2", LGA72_URI))),
    StatuteCase("outer-first-after-the-act", "The annex is exempt (the Local Government Act "
                "1972, Schedule 12A, paragraph 3).",
                (Ref(LGA72, "schedule 12A, paragraph 3", LGA72_URI),)),
    StatuteCase("comma-chain-innermost-first", "The annex is exempt under Paragraph 3, Part 1, "
                "Schedule 12A of the Local Government Act 1972.",
                (Ref(LGA72, "schedule 12A, part 1, paragraph 3", LGA72_URI),)),
    StatuteCase("comma-chain-outermost-first", "Schedule 12A, paragraph 3 of the Local "
                "Government Act 1972 covers the annex.",
                (Ref(LGA72, "schedule 12A, paragraph 3", LGA72_URI),)),
    StatuteCase("report-paragraph-is-no-part", "In the table at paragraph 4.2, section 111 of "
                "the Local Government Act 1972 is the power relied on.",
                (Ref(LGA72, "section 111", LGA72_URI),)),
    StatuteCase("bracketed-paragraph-of-regulation", "Paragraph (4) of Regulation K5 of the "
                "Police Pensions Regulations 1987 lets the authority forfeit part of a pension.",
                (Ref(PPR87, "regulation K5(4)", PPR87_URI),)),
    StatuteCase("reg-after-defined-term", 'The Police Pensions Regulations 1987 ("the 1987 '
                'Regulations") govern forfeiture. A certificate is needed under the 1987 '
                "Regulations, Reg K5.",
                (Ref(PPR87, None, PPR87_URI), Ref(PPR87, "regulation K5", PPR87_URI))),
    StatuteCase("reg-after-defined-abbreviation", "The Police Pension Regulations 1987 (PPR) "
                "set the scheme rules. Any forfeiture under PPR Reg K5 needs a certificate.",
                (Ref(PPR87, None, PPR87_URI), Ref(PPR87, "regulation K5", PPR87_URI))),
    StatuteCase("section-and-bracketed-subsection", "The Mayor delegates the work under "
                "section 38(1) and (2) of the Greater London Authority Act 1999.",
                (Ref(GLAA, "section 38(1)", GLAA_URI), Ref(GLAA, "section 38(2)", GLAA_URI))),
    StatuteCase("deepest-subdivision-listed", "Regulation 72(1)(b) and (c) of the Public "
                "Contracts Regulations 2015 permit the change.",
                (Ref(PCR, "regulation 72(1)(b)", PCR_URI), Ref(PCR, "regulation 72(1)(c)",
                                                              PCR_URI))),
    StatuteCase("section-with-quoted-definition-before-of", 'Agreements under section 106 '
                '("s106") of the Town and Country Planning Act 1990 secure the payments.',
                (Ref("Town and Country Planning Act 1990", "section 106", "ukpga/1990/8"),)),
    StatuteCase("provision-named-agreement-under-act", "An S22A Agreement under the Police "
                "Act 1996 sets out the collaboration.",
                (Ref("Police Act 1996", "section 22A", "ukpga/1996/16"),)),
    StatuteCase("s-dot-letter-suffix", "The agreement is made under s.22A of the Police Act "
                "1996.", (Ref("Police Act 1996", "section 22A", "ukpga/1996/16"),)),
    StatuteCase("agreement-under-bare-section", "The developer will enter a legal agreement "
                "under section 106 to secure the payments.", (Ref("section 106", None, None),)),
    StatuteCase("obligations-pursuant-to-bare-section", "The highway works are delivered "
                "through obligations pursuant to s.278.", (Ref("section 278", None, None),)),
    StatuteCase("list-item-reads-its-lead-in", "1. The Mayor delegates to the Authority, "
                "acting for him, under section 38 of the GLA Act 1999:\n\na. the duties in an "
                "agreement made under s278 of the Highways Act 1980; and\n\nb. its general "
                "powers in sections 30 and 34 of that Act.\n",
                (Ref(GLAA, "section 38", GLAA_URI),
                 Ref("Highways Act 1980", "section 278", "ukpga/1980/66"),
                 Ref(GLAA, "section 30", GLAA_URI), Ref(GLAA, "section 34", GLAA_URI))),
    StatuteCase("list-item-reads-itself-first", "The Council resolves, under the Localism Act "
                "2011:\n\na. to carry out works under the Highways Act 1980, using section 278 "
                "of that Act.\n",
                (Ref("Localism Act 2011", None, "ukpga/2011/20"),
                 Ref("Highways Act 1980", None, "ukpga/1980/66"),
                 Ref("Highways Act 1980", "section 278", "ukpga/1980/66"))),
    StatuteCase("article-of-first-protocol", "Compulsory acquisition engages Article 1 of the "
                "First Protocol, the protection of property.",
                (Ref(ECHR, "protocol 1, article 1", None),)),
    StatuteCase("article-of-numbered-protocol-to-echr", "Article 1 of Protocol No. 1 to the "
                "ECHR protects possessions.", (Ref(ECHR, "protocol 1, article 1", None),)),
    StatuteCase("convention-article-not-the-acts", "Article 8 of the Human Rights Act 1998 "
                "protects private life.", (Ref(ECHR, "article 8", None),)),
    StatuteCase("convention-article-after-the-act", "Members must weigh the Human Rights Act "
                "1998, Article 8, against the need.", (Ref(ECHR, "article 8", None),)),
    StatuteCase("convention-article-in-the-acts-schedule", "Article 8 of Schedule 1 to the "
                "Human Rights Act 1998 is engaged.", (Ref(ECHR, "article 8", None),)),
    StatuteCase("the-acts-schedule-itself", "Schedule 1 to the Human Rights Act 1998 lists the "
                "rights.", (Ref(HRA, "schedule 1", "ukpga/1998/42"),)),
    StatuteCase("the-convention-after-the-act", "The Human Rights Act 1998 applies to the "
                "council. Article 6 of the Convention guarantees a fair hearing.",
                (Ref(HRA, None, "ukpga/1998/42"), Ref(ECHR, "article 6", None))),
    StatuteCase("the-acts-own-section", "Section 6 of the Human Rights Act 1998 binds public "
                "authorities.", (Ref(HRA, "section 6", "ukpga/1998/42"),)),
]

CASES_FROM_TITLES = [
    StatuteCase("lower-case-title-in-table", "Forfeiture is governed by the Police pension "
                "regulations 1987.", (Ref(PPR87, None, PPR87_URI),)),
    StatuteCase("bracketed-year", "Staff welfare is a duty under the Health and Safety at Work "
                "etc Act (1974).", (Ref("Health and Safety at Work etc. Act 1974", None,
                                        "ukpga/1974/37"),)),
    StatuteCase("brackets-in-title", "Unclaimed items are handled under the Police (Property) "
                "Regulations 1997.", (Ref(PROPERTY, None, "uksi/1997/1908"),)),
    StatuteCase("inner-word-added-to-title", "Charitable awards follow the Police Property Act "
                "Regulations (1997).", (Ref(PROPERTY, None, "uksi/1997/1908"),)),
    StatuteCase("title-cut-by-blank-line", "The information is set out in the Elected\n\n"
                "Local Policing Bodies (Specified Information) Order 2011 and its amendment.",
                (Ref(ELPB, None, "uksi/2011/3050"),)),
    StatuteCase("long-title-cut-by-blank-line", "Duties under the Police Reform and\n\nSocial "
                "Responsibility Act 2011 apply to the Commissioner.",
                (Ref(PRSRA, None, PRSRA_URI),)),
    StatuteCase("amendment-order", "The Elected Local Policing Bodies (Specified Information) "
                "(Amendment) Order 2012 added new duties.",
                (Ref("Elected Local Policing Bodies (Specified Information) (Amendment) Order "
                     "2012", None, "uksi/2012/2479"),)),
    StatuteCase("ending-added-to-a-word", "The tender followed the Public Contracting "
                "Regulations 2015.", (Ref(PCR, None, PCR_URI),)),
    StatuteCase("replaced-title-without-year", "The extension complies with Public Contract "
                "Regulations and is funded from budgets.",
                (Ref("Public Contracts Regulations", None, None),)),
    StatuteCase("abbreviation-defined-for-its-own-title", "The Public Contract Regs (PCR) "
                "apply. The PCR require an advert.",
                (Ref(PCR, None, PCR_URI), Ref(PCR, None, PCR_URI))),
    StatuteCase("alias-not-defined-otherwise", "Requests are handled under the EIR.",
                (Ref("Environmental Information Regulations 2004", None, "uksi/2004/3391"),)),
    StatuteCase("bracketed-word-tells-acts-apart", "The Local Government (Scotland) Act 2003 "
                "applies north of the border.",
                (Ref("Local Government (Scotland) Act 2003", None, None),)),
    StatuteCase("short-title-not-read-as-longer", "The Planning Act 2008 created the regime.",
                (Ref("Planning Act 2008", None, None),)),
]

NEGATIVES_FROM_PROVISION_FORMS = [
    StatuteCase("housing-revenue-account-defined", "The Housing Revenue Account (HRA) budget "
                "was agreed. The HRA reserve is healthy.", ()),
    StatuteCase("housing-revenue-account-undefined", "Windows in HRA properties will be "
                "replaced next year.", ()),
    StatuteCase("abbreviation-defined-for-a-document", "The Employer's Information "
                "Requirements (EIR) form part of the tender. The EIR must be met by bidders.",
                ()),
    StatuteCase("schedule-of-contract", "Schedule 2 of the contract lists the prices.", ()),
    StatuteCase("part-of-report", "Part 2 of this report is not for publication.", ()),
    StatuteCase("agreement-under-section-of-contract", "An agreement under section 3 of the "
                "contract covers the extension.", ()),
    StatuteCase("convention-rights-alone", "The Convention rights of residents have been "
                "considered.", ()),
    StatuteCase("convention-rights-after-the-act", "The Human Rights Act 1998 applies. The "
                "Convention rights of residents are engaged.",
                (Ref(HRA, None, "ukpga/1998/42"),)),
    StatuteCase("first-protocol-without-article", "The first protocol for the pilot was agreed "
                "with partners.", ()),
    StatuteCase("numbered-protocol-without-article", "Protocol 2 of the information sharing "
                "agreement applies.", ()),
    StatuteCase("lower-case-title-outside-table", "The parish kept its own burial regulations "
                "1950 in the vestry.", ()),
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
    parametrize_groups(issue=CASES_FROM_ISSUE, format=CASES_FROM_FORMAT,
                       provision_forms=CASES_FROM_PROVISION_FORMS, titles=CASES_FROM_TITLES,
                       negative=NEGATIVES, negative_forms=NEGATIVES_FROM_PROVISION_FORMS),
)
def test_statutory_references(case: StatuteCase) -> None:
    assert record_to_refs(record_of(case.text)) == list(case.expected)


ALL_CASES = [*CASES_FROM_ISSUE, *CASES_FROM_FORMAT, *CASES_FROM_PROVISION_FORMS,
             *CASES_FROM_TITLES, *NEGATIVES, *NEGATIVES_FROM_PROVISION_FORMS]


class OtherCase(NamedTuple):
    id: str
    text: str
    expected: tuple[tuple[str, str | None], ...]  # (instrument, provision) of other_instruments


# Non-statutory instruments keep their own rules; a statute is never one of them.
OTHER_INSTRUMENT_CASES = [
    OtherCase("scheme-with-paragraph", "Paragraph 4.14 of the MOPAC Scheme of Delegation and "
              "Consent applies.", (("MOPAC Scheme of Delegation and Consent", "paragraph 4.14"),)),
    OtherCase("regulations-with-bracketed-year", "Charitable awards follow the Police Property "
              "Act Regulations (1997).", ()),
    OtherCase("regulations-title-read-from-its-end", "Duties arise under the Management of "
              "Health and Safety at Work Regulations (1992).", ()),
]


@pytest.mark.parametrize("case", parametrize_groups(other=OTHER_INSTRUMENT_CASES))
def test_other_instruments(case: OtherCase) -> None:
    found = [(o.instrument, o.provision) for o in record_of(case.text).other_instruments]
    assert found == list(case.expected)
