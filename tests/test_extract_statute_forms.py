"""Statutory references as publishers outside the first development set write them
(issue 11): provision forms in the canonical form, titles the table resolves despite
slips, and the negatives for each rule. Same conventions as `test_extract_statutes`:
provisions outermost first ("schedule 12A, paragraph 3"), a part numbered in brackets
written onto its provision ("regulation K5(4)"), one reference per mention in text order.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from tests.case_records import known_miss, parametrize_groups
from tests.conftest import record_of
from tests.test_extract_statutes import (
    ECHR,
    GLAA,
    GLAA_URI,
    PCR,
    PCR_URI,
    PRSRA,
    PRSRA_URI,
    Ref,
    StatuteCase,
    record_to_refs,
)

LGA72 = "Local Government Act 1972"
LGA72_URI = "ukpga/1972/70"
PPR87 = "Police Pensions Regulations 1987"
PPR87_URI = "uksi/1987/257"
HRA = "Human Rights Act 1998"
ELPB = "Elected Local Policing Bodies (Specified Information) Order 2011"
PROPERTY = "Police (Property) Regulations 1997"
DPA18 = "Data Protection Act 2018"
DPA18_URI = "ukpga/2018/12"

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
    StatuteCase("section-before-title-without-of", "Powers relied on:\n\n- Section 120 Local "
                "Government Act 1972 - buying land by agreement for any of its functions.\n",
                (Ref(LGA72, "section 120", LGA72_URI),)),
    StatuteCase("s-dot-before-title-without-of", "The grant is paid under s.111 Local "
                "Government Act 1972 as incidental to the service.",
                (Ref(LGA72, "section 111", LGA72_URI),)),
    StatuteCase("sections-list-before-title-without-of", "Sections 1 and 2 Localism Act 2011 "
                "give the general power of competence.",
                (Ref("Localism Act 2011", "section 1", "ukpga/2011/20"),
                 Ref("Localism Act 2011", "section 2", "ukpga/2011/20"))),
    StatuteCase("regulation-before-regulations-without-of", "The change is allowed by "
                "Regulation 72 Public Contracts Regulations 2015 as a modification.",
                (Ref(PCR, "regulation 72", PCR_URI),)),
    StatuteCase("schedule-before-title-without-of", "The annex is withheld under Schedule 12A "
                "Local Government Act 1972 until the sale completes.",
                (Ref(LGA72, "schedule 12A", LGA72_URI),)),
    StatuteCase("convention-article-before-the-act-without-of", "Article 8 Human Rights Act "
                "1998 is engaged by the camera.", (Ref(ECHR, "article 8", None),)),
    StatuteCase("abbreviated-section-with-describing-words", "Cabinet releases the S106 "
                "Community Facilities contributions collected from the estate.",
                (Ref("section 106", None, None),)),
    StatuteCase("abbreviated-section-lower-case-words", "The play area is paid for from s106 "
                "open space contributions.", (Ref("section 106", None, None),)),
    StatuteCase("abbreviated-section-receipts", "The works are met from s.106 receipts held "
                "for the ward.", (Ref("section 106", None, None),)),
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
    StatuteCase("provision-before-title-cut-by-blank-line", "By virtue of section 11(1) of "
                "the Police Reform and\n\nSocial Responsibility Act 2011 the Commissioner must "
                "publish it.", (Ref(PRSRA, "section 11(1)", PRSRA_URI),)),
    StatuteCase("amendment-order", "The Elected Local Policing Bodies (Specified Information) "
                "(Amendment) Order 2012 added new duties.",
                (Ref("Elected Local Policing Bodies (Specified Information) (Amendment) Order "
                     "2012", None, "uksi/2012/2479"),)),
    StatuteCase("ending-added-to-a-word", "The tender followed the Public Contracting "
                "Regulations 2015.", (Ref(PCR, None, PCR_URI),)),
    StatuteCase("replaced-title-without-year", "The extension complies with Public Contract "
                "Regulations and is funded from budgets.",
                (Ref("Public Contracts Regulations", None, None),)),
    StatuteCase("replaced-title-in-a-later-document", "Decision date: 3 March 2021. The "
                "variation is made under Regulation 72 of the Public Contract Regulations.",
                (Ref(PCR, "regulation 72", PCR_URI),)),
    StatuteCase("replaced-act-in-a-later-document", "Records are kept as the Data Protection "
                "Act requires. Signed 12 May 2022.", (Ref(DPA18, None, DPA18_URI),)),
    StatuteCase("replaced-title-in-the-replacement-year", "Decided in 2015. The award follows "
                "the Public Contract Regulations.",
                (Ref("Public Contracts Regulations", None, None),)),
    StatuteCase("replaced-title-with-an-earlier-year-named", "Signed 2019. The lease of 2012 "
                "was let under the Public Contract Regulations.",
                (Ref("Public Contracts Regulations", None, None),)),
    StatuteCase("titles-all-in-force-not-chosen-by-year", "Signed 2021. Powers under the "
                "Local Government Act are used.", (Ref("Local Government Act", None, None),)),
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
    StatuteCase("report-paragraph-before-title", "See paragraph 4.2 Equality Act 2010 "
                "duties for the assessment.", (Ref("Equality Act 2010", None, "ukpga/2010/15"),)),
    StatuteCase("dotted-section-before-title", "Section 4.2 Equality Act 2010 sets out the "
                "assessment.", (Ref("Equality Act 2010", None, "ukpga/2010/15"),)),
    StatuteCase("contract-clause-before-title", "Under clause 5 Data Protection Act 2018 "
                "duties pass to the supplier.", (Ref(DPA18, None, DPA18_URI),)),
    StatuteCase("section-before-regulations-no-citation", "Section 2 Police Pensions "
                "Regulations 1987 are summarised next.", (Ref(PPR87, None, PPR87_URI),)),
    StatuteCase("article-before-an-act-without-articles", "Article 3 Localism Act 2011 sets "
                "out the constitution's part.",
                (Ref("Localism Act 2011", None, "ukpga/2011/20"),)),
    StatuteCase("section-before-title-on-the-line-above", "The legal position is in section "
                "5\nEquality Act 2010 duties are met by the plan.",
                (Ref("Equality Act 2010", None, "ukpga/2010/15"),)),
    StatuteCase("report-section-heading-with-funding", "Section 5 Capital Funding is set out "
                "below for members.", ()),
    StatuteCase("postcode-is-no-section", "The depot at S10 3BP funds its own repairs.", ()),
    StatuteCase("section-151-officer", "The S151 Officer confirms the money is available.", ()),
    StatuteCase("abbreviated-section-alone", "The S106 and the grant will both be spent.", ()),
    StatuteCase("lower-case-title-outside-table", "The parish kept its own burial regulations "
                "1950 in the vestry.", ()),
]


RTRA = "Road Traffic Regulation Act 1984"
RTRA_URI = "ukpga/1984/27"
PA96 = "Police Act 1996"
PA96_URI = "ukpga/1996/16"
LOCALISM = "Localism Act 2011"
LOCALISM_URI = "ukpga/2011/20"
FRSA = "Fire and Rescue Services Act 2004"
FRSA_URI = "ukpga/2004/21"

# Issue 11, second round: citation grammar of older Acts and of amending ones -- Parts in
# roman numerals, a schedule's paragraph written "to" it, a schedule's paragraphs listed
# after its Act, provisions "inserted into" an Act, a section named by a cited range.
CASES_FROM_CITATION_GRAMMAR = [
    StatuteCase("roman-part-of-schedule", "The council may revoke the order (Part IV of "
                "Schedule 9 to the Road Traffic Regulation Act 1984) after notice.",
                (Ref(RTRA, "schedule 9, part IV", RTRA_URI),)),
    StatuteCase("roman-part-with-letter", "Access to the papers follows Part VA of the Local "
                "Government Act 1972 for every meeting.", (Ref(LGA72, "part VA", LGA72_URI),)),
    StatuteCase("paragraph-to-schedule", "Tender prices stay confidential - paragraph 3 to "
                "Schedule 12A of the Local Government Act 1972.",
                (Ref(LGA72, "schedule 12A, paragraph 3", LGA72_URI),)),
    StatuteCase("paragraphs-after-the-act", "The press left because the item was exempt under "
                "Part 1 of Schedule 12A to the Local Government Act 1972, paragraphs 1 and 3.",
                (Ref(LGA72, "schedule 12A, part 1, paragraph 1", LGA72_URI),
                 Ref(LGA72, "schedule 12A, part 1, paragraph 3", LGA72_URI))),
    StatuteCase("sections-inserted-into-an-act", "The Localism Act 2011 inserted sections 9A "
                "and 9B into the Local Government Act 2000 on executive arrangements.",
                (Ref(LOCALISM, None, LOCALISM_URI),
                 Ref("Local Government Act 2000", "section 9A", "ukpga/2000/22"),
                 Ref("Local Government Act 2000", "section 9B", "ukpga/2000/22"))),
    StatuteCase("inserted-into-the-year-act", "Sections 1 to 5 of the Police Act 1996 set up "
                "forces. A later Act inserted section 22C into the 1996 Act.",
                (Ref(PA96, "sections 1 to 5", PA96_URI), Ref(PA96, "section 22C", PA96_URI))),
    StatuteCase("bare-section-inside-a-cited-range", "Sections 22A to 23I of the Police Act "
                "1996 govern joint working. All forces will sign a Section 22A Agreement.",
                (Ref(PA96, "sections 22A to 23I", PA96_URI),
                 Ref(PA96, "section 22A", PA96_URI))),
    StatuteCase("each-provision-with-its-word", "The service relies on Section 7 and Section "
                "13 of the Fire and Rescue Services Act 2004.",
                (Ref(FRSA, "section 7", FRSA_URI), Ref(FRSA, "section 13", FRSA_URI))),
    StatuteCase("each-paragraph-with-its-word-by-commas", "Withheld under Paragraph 1, "
                "Paragraph 2 and Paragraph 5 of Schedule 12A to the Local Government Act 1972.",
                (Ref(LGA72, "schedule 12A, paragraph 1", LGA72_URI),
                 Ref(LGA72, "schedule 12A, paragraph 2", LGA72_URI),
                 Ref(LGA72, "schedule 12A, paragraph 5", LGA72_URI))),
    StatuteCase("article-beside-numbered-protocol", "Article 8 ECHR and Article 1 Protocol 1 "
                "are both engaged by the order.",
                (Ref(ECHR, "article 8", None), Ref(ECHR, "protocol 1, article 1", None))),
    StatuteCase("protocol-to-the-convention-read-once", "Article 1 of Protocol 1 to the "
                "Convention protects the owners.", (Ref(ECHR, "protocol 1, article 1", None),)),
    StatuteCase("bare-inserted-section-inside-a-range", "Sections 22 to 23 of the Police Act "
                "1996 apply, and each force signs a Section 22A Agreement.",
                (Ref(PA96, "sections 22 to 23", PA96_URI), Ref(PA96, "section 22A", PA96_URI))),
]

NEGATIVES_FROM_CITATION_GRAMMAR = [
    StatuteCase("capital-i-is-a-pronoun", "The power is the Localism Act 2011, section 1 and I "
                "am content to rely on it.", (Ref(LOCALISM, "section 1", LOCALISM_URI),)),
    StatuteCase("report-part-in-roman-numerals", "Part II of this report is not for "
                "publication.", ()),
    StatuteCase("lower-case-roman-is-no-part", "The Local Government Act 1972 applies; see "
                "part iv of the appendix.", (Ref(LGA72, None, LGA72_URI),)),
    StatuteCase("section-to-schedule-is-an-amendment", "The changes made by section 5 to "
                "Schedule 2 of the Local Government Act 1972 took effect.",
                (Ref(LGA72, "schedule 2", LGA72_URI),)),
    StatuteCase("provision-after-naming-its-own-act", "It is exempt under Part 1 of Schedule "
                "12A to the Local Government Act 1972, section 2 of the Localism Act 2011 aside.",
                (Ref(LGA72, "schedule 12A, part 1", LGA72_URI),
                 Ref(LOCALISM, "section 2", LOCALISM_URI))),
    StatuteCase("paragraph-after-a-section-is-the-report", "Section 111 of the Local "
                "Government Act 1972, paragraph 4 below explains, is relied on.",
                (Ref(LGA72, "section 111", LGA72_URI),)),
    StatuteCase("sibling-stops-at-another-act", "The council used section 2 of the Localism "
                "Act 2011 and section 111 of the Local Government Act 1972.",
                (Ref(LOCALISM, "section 2", LOCALISM_URI), Ref(LGA72, "section 111", LGA72_URI))),
    known_miss(StatuteCase("siblings-of-two-kinds", "Section 4 and Schedule 2 of the Localism "
                           "Act 2011 apply.", (Ref(LOCALISM, "section 4", LOCALISM_URI),
                                               Ref(LOCALISM, "schedule 2", LOCALISM_URI))),
               "only provisions of one kind are read as a list; the section is lost"),
    StatuteCase("protocol-of-another-agreement", "Article 4 Protocol 2 of the data sharing "
                "agreement applies.", ()),
    StatuteCase("protocol-to-another-agreement", "Article 3 of Protocol 1 to the partnership "
                "agreement covers data.", ()),
    StatuteCase("bare-section-outside-the-range", "Sections 22A to 23I of the Police Act 1996 "
                "apply. A Section 106 Agreement is a separate matter.",
                (Ref(PA96, "sections 22A to 23I", PA96_URI), Ref("section 106", None, None))),
    StatuteCase("bare-section-in-ranges-of-two-acts", "Sections 1 to 10 of the Localism Act "
                "2011 and sections 1 to 20 of the Police Act 1996 apply. A Section 5 Agreement "
                "follows.",
                (Ref(LOCALISM, "sections 1 to 10", LOCALISM_URI),
                 Ref(PA96, "sections 1 to 20", PA96_URI), Ref("section 5", None, None))),
]


@pytest.mark.parametrize(
    "case",
    parametrize_groups(provision_forms=CASES_FROM_PROVISION_FORMS, titles=CASES_FROM_TITLES,
                       negative=NEGATIVES_FROM_PROVISION_FORMS,
                       citation_grammar=CASES_FROM_CITATION_GRAMMAR,
                       negative_grammar=NEGATIVES_FROM_CITATION_GRAMMAR),
)
def test_statutory_references(case: StatuteCase) -> None:
    assert record_to_refs(record_of(case.text)) == list(case.expected)


ALL_CASES = [*CASES_FROM_PROVISION_FORMS, *CASES_FROM_TITLES, *NEGATIVES_FROM_PROVISION_FORMS,
             *CASES_FROM_CITATION_GRAMMAR, *NEGATIVES_FROM_CITATION_GRAMMAR]


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
