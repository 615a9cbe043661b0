"""A probe of the PLOVER categories on sentences the project wrote (none from any gold set): the
top event of each sentence against the category it was written for. It checks that the rules tuned on
the PLOVER gold records carry over to new wording. Misses at the time of writing: names the small NER
model does not tag ("President Ruto", "Human Rights Watch", "the Gulf states"), so no party acts; a
demand voiced by protesters (coded as their protest); aid pledged and delivered (read as the pledge).
"""

from __future__ import annotations

PROBE = [
    ('AGREE', 'Kenya and Ethiopia agreed on Tuesday to reopen their common border.'),
    ('AGREE', 'The rebels promised to release all child soldiers by the end of the year.'),
    ('AGREE', 'Japan pledged to provide 30 million dollars to rebuild schools in Mosul.'),
    ('CONSULT', "The foreign ministers of Chad and Niger met in N'Djamena on Monday to discuss border security."),
    ('CONSULT', 'President Ruto held talks with his Somali counterpart in Nairobi.'),
    ('CONSULT', 'The Qatari emir telephoned the Sudanese army chief on Sunday.'),
    ('SUPPORT', "Turkey praised Azerbaijan's decision to reopen the embassy in Yerevan."),
    ('SUPPORT', 'The European Union welcomed the ceasefire agreement between Armenia and Azerbaijan.'),
    ('SUPPORT', "Egypt expressed support for the Libyan government's peace plan."),
    ('AGREE', 'Nigeria and Cameroon agreed to share intelligence on Boko Haram movements.'),
    ('COOPERATE', 'Kenya extradited two Ugandan suspects to Kampala on Friday.'),
    ('AID', 'The World Food Programme delivered 500 tonnes of food to displaced families in Tigray.'),
    ('AID', 'Saudi Arabia donated 100 million dollars to the Yemeni central bank.'),
    ('AID', 'Germany sent medical supplies to hospitals in Kharkiv on Monday.'),
    ('REQUEST', 'The United Nations called on the warring parties in Sudan to allow humanitarian access.'),
    ('REQUEST', 'Opposition leaders demanded the release of political prisoners in Harare.'),
    ('REQUEST', 'Mali asked France to withdraw its troops from the country.'),
    ('ACCUSE', 'Rwanda accused Congo of shelling its territory on Sunday.'),
    ('ACCUSE', 'Human Rights Watch condemned the killing of protesters by Ethiopian police.'),
    ('ACCUSE', 'Prosecutors in The Hague opened an investigation into war crimes in Darfur.'),
    ('REJECT', 'Israel rejected the Egyptian proposal for a truce in Gaza.'),
    ('REJECT', 'The junta refused to meet the ECOWAS delegation in Niamey.'),
    ('REJECT', 'Burundi denied visas to UN human rights investigators.'),
    ('THREATEN', 'Russia threatened to cut gas supplies to Moldova.'),
    ('THREATEN', 'The Taliban warned that they will attack foreign troops that remain after the deadline.'),
    ('THREATEN', 'Turkey threatened to launch a new military operation in northern Syria.'),
    ('PROTEST', 'Thousands of teachers marched in Nairobi on Monday to demand higher pay.'),
    ('PROTEST', 'Dock workers in Mombasa went on strike over unpaid wages.'),
    ('PROTEST', 'Residents blocked the highway to Kisumu to protest against police brutality.'),
    ('SANCTION', 'The United States imposed sanctions on three Sudanese generals.'),
    ('SANCTION', 'Niger expelled the French ambassador on Friday.'),
    ('SANCTION', 'Mali suspended cooperation with the European Union training mission.'),
    ('MOBILIZE', 'Ethiopia deployed thousands of troops to the Eritrean border.'),
    ('MOBILIZE', 'Armenia put its armed forces on high alert after the border incident.'),
    ('MOBILIZE', 'Russia mobilized reservists for the war in Ukraine.'),
    ('COERCE', 'Police arrested twenty opposition activists in Kampala on Tuesday.'),
    ('COERCE', 'The government banned all political rallies in the capital.'),
    ('COERCE', 'Authorities imposed a curfew in Kano after the riots.'),
    ('ASSAULT', 'Gunmen killed twelve villagers in Zamfara state on Sunday.'),
    ('ASSAULT', 'Russian missiles struck an apartment block in Dnipro.'),
    ('ASSAULT', 'Al Shabaab fighters attacked a military base near Kismayo.'),
    ('CONCEDE', 'The military government lifted the ban on opposition parties.'),
    ('CONCEDE', 'The president pardoned 200 prisoners on Independence Day.'),
    ('CONCEDE', 'The government apologized to the victims of the massacre.'),
    ('RETREAT', 'Russian troops withdrew from the town of Kherson on Friday.'),
    ('RETREAT', 'The rebels released thirty hostages in eastern Congo.'),
    ('RETREAT', 'The interior minister resigned after the stampede.'),
]

#: A second set, written after the first was passed: passives, nominal acts, future and conditional
#: wording, and four sentences that report no act (None).
PROBE_2 = [
    ('CONSULT', 'Ethiopian and Sudanese officials held a second round of talks in Addis Ababa on the border dispute.'),
    ('CONSULT', 'The UN envoy arrived in Tripoli on Sunday for meetings with the rival governments.'),
    ('CONSULT', 'Kenya hosted peace talks between the Sudanese army and the RSF.'),
    ('AGREE', 'Armenia has agreed to return the prisoners of war captured in the last war.'),
    ('AGREE', 'The Sudanese army said it was ready to resume negotiations with the RSF.'),
    ('AGREE', 'Senegal offered to mediate between Mali and the ECOWAS bloc.'),
    ('SUPPORT', 'Russia voiced support for the military government in Niger.'),
    ('SUPPORT', 'China signed a cooperation treaty with Pakistan on Friday.'),
    ('ACCUSE', 'Ukraine blamed Russia for the attack on the Kakhovka dam.'),
    ('ACCUSE', 'Amnesty International accused Saudi border guards of killing migrants.'),
    ('ACCUSE', 'Congo has filed a complaint against Rwanda at the East African Court of Justice.'),
    ('REJECT', 'The RSF rejected the ceasefire proposal put forward by Saudi Arabia.'),
    ('REJECT', 'Algeria refused to grant overflight rights to French military aircraft.'),
    ('REJECT', 'Israel dismissed the allegations made by the Palestinian Authority.'),
    ('REQUEST', 'The African Union urged Ethiopia and Eritrea to respect the peace deal.'),
    ('REQUEST', 'Somalia called for the withdrawal of Ethiopian troops from its territory.'),
    ('REQUEST', 'Protesters demanded that the governor resign over the killings.'),
    ('THREATEN', 'Iran vowed to retaliate against Israel for the strike on its consulate.'),
    ('THREATEN', 'The United States threatened sanctions against Uganda over the new law.'),
    ('THREATEN', 'The rebels threatened to storm the capital if the president does not step down.'),
    ('AID', 'Qatar provided fuel to the power station in Gaza on Monday.'),
    ('AID', 'Uganda granted asylum to 300 Congolese soldiers who fled the fighting.'),
    ('AID', 'The European Union pledged and delivered 50 million euros in humanitarian aid to Sudan.'),
    ('SANCTION', 'The European Union froze the assets of five Wagner commanders.'),
    ('SANCTION', 'Ghana recalled its ambassador from Burkina Faso after the massacre.'),
    ('SANCTION', 'The Gulf states severed diplomatic ties with Qatar.'),
    ('COERCE', 'Police detained the opposition leader at the airport in Kampala.'),
    ('COERCE', 'The military government suspended the broadcaster RFI across the country.'),
    ('COERCE', 'Kenya deported 30 Somali nationals on Tuesday.'),
    ('MOBILIZE', 'Morocco sent additional troops to the Algerian border.'),
    ('MOBILIZE', 'Azerbaijan held large-scale military exercises near the Armenian border.'),
    ('PROTEST', 'Hundreds of lawyers boycotted the courts in Islamabad to protest the arrest of a colleague.'),
    ('PROTEST', 'Farmers held a sit-in outside the parliament in Nairobi.'),
    ('PROTEST', 'Inmates at Kamiti prison went on a hunger strike over conditions.'),
    ('ASSAULT', 'A roadside bomb killed four soldiers near Gao on Monday.'),
    ('ASSAULT', 'Boko Haram fighters abducted twenty girls from a school in Borno.'),
    ('ASSAULT', 'Security forces tortured detainees in a prison in Juba, a report said.'),
    ('CONCEDE', 'The government eased the curfew in Kano on Friday.'),
    ('CONCEDE', 'The junta granted an amnesty to soldiers who took part in the mutiny.'),
    ('RETREAT', 'Hamas freed four hostages on Saturday.'),
    ('RETREAT', 'Ethiopian troops pulled out of the town of Adigrat.'),
    ('RETREAT', 'The Sudanese army allowed UN aid convoys to enter El Fasher.'),
    (None, 'Analysts say the rebels may launch a new offensive in the spring.'),
    (None, 'The minister did not meet the Kenyan delegation.'),
    (None, 'If Russia attacks, NATO will respond.'),
    (None, 'The football team beat its rivals 3-0 in Kampala.'),
]

#: A third set on the most frequent categories of the gold records (requests, refusals, accusations,
#: sanctions, agreements) with other verbs than the lexicon's first ones.
PROBE_3 = [
    ('REQUEST', 'The Arab League appealed to Israel and Hamas to halt the fighting in Gaza.'),
    ('REQUEST', 'Washington pressed Kigali to stop supporting the M23 rebels.'),
    ('REQUEST', 'The opposition called on the electoral commission to postpone the vote.'),
    ('REQUEST', 'Chad insisted that Sudanese troops leave its territory immediately.'),
    ('REQUEST', 'Nigeria asked Interpol to arrest the fugitive general.'),
    ('REJECT', 'Eritrea rebuffed calls from the African Union to withdraw from Tigray.'),
    ('REJECT', 'Russia vetoed a UN Security Council resolution on Syria.'),
    ('REJECT', 'The government ruled out talks with the armed groups.'),
    ('REJECT', 'Opposition parties boycotted the presidential election in Chad.'),
    ('REJECT', 'Ethiopia turned down an offer of mediation from Kenya.'),
    ('ACCUSE', 'Pakistan criticized India for the killing of civilians in Kashmir.'),
    ('ACCUSE', 'Venezuela denounced the United States for interfering in its elections.'),
    ('ACCUSE', 'A Kenyan court charged two police officers with the murder of a lawyer.'),
    ('ACCUSE', 'The ICC indicted the former militia leader for war crimes in Ituri.'),
    ('ACCUSE', 'Human rights groups blamed the army for the massacre in Moura.'),
    ('SANCTION', "The African Union suspended Niger's membership after the coup."),
    ('SANCTION', 'Britain cut aid to Rwanda over its support for rebels.'),
    ('SANCTION', 'Mali expelled the head of the UN human rights division.'),
    ('SANCTION', 'The United States imposed an arms embargo on South Sudan.'),
    ('AGREE', 'Sudan accepted a Saudi proposal for a humanitarian truce.'),
    ('AGREE', 'Armenia and Azerbaijan agreed to demarcate their border.'),
    ('AGREE', 'The rebels consented to a prisoner exchange with the government.'),
    ('SUPPORT', 'France backed the Moroccan autonomy plan for Western Sahara.'),
    ('SUPPORT', 'The Security Council endorsed the peace deal between Ethiopia and the TPLF.'),
    ('COOPERATE', 'Kenya and Somalia launched joint patrols along their border.'),
    ('COOPERATE', 'Algeria and Niger agreed and began sharing intelligence on jihadist movements.'),
    ('CONSULT', 'The presidents of Rwanda and Congo met in Luanda on Tuesday.'),
    ('CONSULT', "Iran's foreign minister visited Riyadh for talks with Saudi officials."),
    ('AID', 'The United Arab Emirates sent 40 tonnes of medical aid to Somalia.'),
    ('AID', 'The World Bank approved a 300 million dollar loan to Ethiopia.'),
]


def test_plover_categories_on_new_sentences(pipeline):
    from sitrep.records import Article

    arts = [Article(body=text, id=str(i), language="en") for i, (_, text) in enumerate(PROBE + PROBE_2 + PROBE_3)]
    wrong = []
    for (gold, text), coded in zip(PROBE + PROBE_2 + PROBE_3, pipeline.run(arts)):
        best = max(coded.events, key=lambda e: e.confidence) if coded.events else None
        if (best.plover_event if best else None) != gold:
            wrong.append((gold, best.plover_event if best else None, text))
    assert len(wrong) <= 10, wrong  # 45 of 47, 43 of 46 and 28 of 30 right when written
