"""Articles of our own in the held-out KINDS of text for journeys (issue #16), labelled by hand.

Outbreak reports (WHO-style disease outbreak news), travel writing and international news, from
Africa, Asia, Latin America, Europe, the Middle East and Oceania, plus journey-free articles of the
same kinds. Written for these tests (not copied from anywhere). Each article's ``journeys`` are the
trips the text tells, by the rules of the story gold (../shared/data/eval/STORY-GOLD.md): one
traveller, the named places in the order travelled, the origin where the text states it. An empty
list: the article tells no journey (trade, spread, a summit, where someone is "from").
"""

from __future__ import annotations

from typing import NamedTuple


class Article(NamedTuple):
    key: str
    kind: str  # "outbreak", "travel", "international"
    text: str
    journeys: list[tuple[str, list[str]]]  # (traveller, stops as written in the text)


ARTICLES: list[Article] = [
    # ------------------------------------------------------------------ outbreak reports
    Article("outbreak-cholera-mozambique", "outbreak", (
        "Cholera – Mozambique\n\n"
        "On 14 February, the Ministry of Health of Mozambique notified WHO of an increase in cholera cases in "
        "Zambezia and Sofala provinces. Between 1 January and 12 February, 1,142 suspected cases and 17 deaths "
        "were reported from nine districts, including Quelimane, Nicoadala and Beira.\n\n"
        "The index case in Nicoadala district was a 41-year-old fisherman who had travelled by bus from Beira to "
        "Quelimane on 19 January to sell dried fish at the central market. He developed acute watery diarrhoea "
        "two days after arriving and was taken to the provincial hospital in Quelimane, where he was treated and "
        "discharged. Twelve of his household contacts in Nicoadala later tested positive.\n\n"
        "Stool samples collected at the district health centre were sent to the National Institute of Health in "
        "Maputo, where Vibrio cholerae O1 Ogawa was confirmed on 6 February.\n\n"
        "Public health response\n"
        "The Ministry of Health, with support from WHO and partners, has opened cholera treatment centres in "
        "Quelimane and Beira, deployed rapid response teams, and started an oral cholera vaccination campaign "
        "targeting 600,000 people. Water chlorination and community engagement activities are ongoing.\n\n"
        "WHO risk assessment\n"
        "The risk is assessed as high at the national level given recent flooding, population movement along "
        "the Beira corridor and limited access to safe water. Neighbouring Malawi and Zimbabwe have reported "
        "cases in the past year. WHO advises against any restriction on travel or trade with Mozambique."),
        [("a 41-year-old fisherman", ["Beira", "Quelimane"])]),

    Article("outbreak-marburg-tanzania", "outbreak", (
        "Marburg virus disease – United Republic of Tanzania\n\n"
        "On 20 March, the Ministry of Health of Tanzania declared an outbreak of Marburg virus disease in Kagera "
        "region, in the north-west of the country. As of 28 March, eight cases, including five deaths, have been "
        "reported, all from Bukoba district.\n\n"
        "The first known patient, a 36-year-old trader, fell ill on 9 March in a village near Bukoba. On 11 March "
        "he travelled to Mwanza by boat across Lake Victoria to seek treatment. He was admitted to a private "
        "clinic in Mwanza and, as his condition worsened, was transferred on 14 March to Bugando Medical Centre, "
        "where he died the following day. Four health workers who cared for him in Mwanza are being monitored.\n\n"
        "Samples were shipped from Mwanza to the National Public Health Laboratory in Dar es Salaam, which "
        "confirmed Marburg virus by PCR on 19 March.\n\n"
        "As of 28 March, 212 contacts have been identified and are under follow-up in Bukoba, Muleba and Mwanza. "
        "An isolation unit has been set up in Bukoba, and a team of epidemiologists flew from Dodoma to Bukoba "
        "on 21 March to support the investigation.\n\n"
        "WHO risk assessment\n"
        "Kagera region borders Uganda, Rwanda and Burundi, and there is significant cross-border movement of "
        "traders. The risk is considered high at the national level and moderate at the regional level. WHO "
        "does not recommend any travel or trade restrictions with Tanzania."),
        [("a 36-year-old trader", ["Bukoba", "Lake Victoria", "Mwanza"]),
         ("Samples", ["Mwanza", "Dar es Salaam"]),
         ("a team of epidemiologists", ["Dodoma", "Bukoba"])]),

    Article("outbreak-mers-saudi", "outbreak", (
        "Middle East respiratory syndrome coronavirus – Kingdom of Saudi Arabia\n\n"
        "Between 1 May and 30 June, the Ministry of Health of Saudi Arabia reported three laboratory-confirmed "
        "cases of MERS-CoV infection, including one death. The cases were reported from Riyadh, Hail and Taif.\n\n"
        "The first case is a 58-year-old man living in Riyadh with diabetes and hypertension. He reported "
        "contact with camels at a farm outside the city. He was admitted to hospital in Riyadh on 4 May and died "
        "on 12 May.\n\n"
        "The second case is a 47-year-old woman from Hail. She had no contact with camels and no history of "
        "travel. She is in stable condition.\n\n"
        "The third case is a 33-year-old camel herder who drove from Taif to Mecca on 2 June and then on to "
        "Jeddah, where he developed fever and cough on 5 June. He was isolated at a hospital in Jeddah and "
        "has since recovered.\n\n"
        "Contact tracing identified 41 contacts of the three cases in Riyadh, Hail, Mecca and Jeddah; none "
        "developed symptoms. Since 2012, Saudi Arabia has reported more than 2,200 cases of MERS-CoV, and cases "
        "linked to the kingdom have been reported in 27 countries, including the Republic of Korea, the United "
        "Arab Emirates and Jordan.\n\n"
        "WHO expects that additional cases will be reported from the Middle East and that cases will continue "
        "to be exported to other countries by individuals who acquire the infection after exposure to camels."),
        [("a 33-year-old camel herder", ["Taif", "Mecca", "Jeddah"])]),

    Article("outbreak-dengue-peru", "outbreak", (
        "Dengue – Peru\n\n"
        "Since the beginning of the year, Peru has reported 146,000 cases of dengue, including 248 deaths, the "
        "highest number recorded in the country's history. Most cases have been reported in the northern "
        "coastal regions of Piura, Tumbes and Lambayeque, which were hit by heavy rains and flooding linked to "
        "a coastal El Niño event.\n\n"
        "In Piura region alone, 61,000 cases and 93 deaths have been reported. The cities of Sullana and Piura "
        "account for more than half of them. Hospitals in Chiclayo and Trujillo report high occupancy of "
        "intensive care beds.\n\n"
        "The outbreak has since spread south to Lima, where 18,000 cases have been confirmed, mostly in the "
        "northern districts of the capital. Cases have also been reported in the Amazon regions of Loreto, San "
        "Martín and Ucayali. Serotype DENV-2 predominates, although DENV-3 has been detected in Iquitos.\n\n"
        "Public health response\n"
        "The government declared a health emergency in 18 regions. Brigades are carrying out vector control "
        "and fumigation in Piura, Tumbes and Lima, and the Ministry of Health has opened fever units in "
        "primary care centres. Health authorities in Ecuador and Colombia have also reported rising case "
        "numbers.\n\n"
        "WHO risk assessment\n"
        "The risk is high at the national level. Climate conditions favour the Aedes aegypti mosquito, and "
        "dengue remains endemic in much of Latin America. WHO does not recommend travel or trade restrictions."),
        []),

    Article("outbreak-nipah-india", "outbreak", (
        "Nipah virus infection – India\n\n"
        "On 12 September, the Government of Kerala confirmed two deaths from Nipah virus infection in Kozhikode "
        "district. As of 20 September, six laboratory-confirmed cases, including the two deaths, have been "
        "reported. This is the sixth Nipah outbreak in India since 2001 and the fourth in Kerala since 2018.\n\n"
        "The index case, a 47-year-old farmer, developed fever on 23 August. He was first treated at a clinic "
        "in his village and then taken to a private hospital in Kozhikode, where he died on 30 August. His "
        "nine-year-old son and brother-in-law later tested positive.\n\n"
        "A health worker who treated the farmer in Kozhikode also fell ill and was moved to the Government "
        "Medical College Hospital. Samples from the patients were sent to the National Institute of Virology "
        "in Pune, which confirmed the infection.\n\n"
        "More than 1,200 contacts have been listed, and containment zones were declared in nine village "
        "councils. Schools in Kozhikode district were closed. The neighbouring districts of Malappuram, Wayanad "
        "and Kannur have been put on alert, and a mobile laboratory was set up in Kozhikode.\n\n"
        "WHO risk assessment\n"
        "Fruit bats are the natural reservoir of the virus in South and South-East Asia, and previous "
        "outbreaks have also been reported in Bangladesh. The risk is assessed as moderate at the national "
        "level and low at the regional and global levels."),
        []),

    Article("outbreak-mpox-drc", "outbreak", (
        "Mpox – Democratic Republic of the Congo and neighbouring countries\n\n"
        "Since January, the Democratic Republic of the Congo has reported more than 15,000 suspected mpox cases "
        "and 540 deaths across 24 of its 26 provinces. South Kivu province has reported a rapid rise in cases "
        "caused by a new strain, clade Ib, first detected in the mining town of Kamituga.\n\n"
        "Cases linked to the outbreak in South Kivu have now been reported in Burundi, Rwanda, Uganda and "
        "Kenya. In Kenya, the first case was a 42-year-old truck driver who drove from Kampala to Mombasa on "
        "a regular freight route. He crossed the border at Malaba on 13 July and was diagnosed in Mombasa two "
        "days later.\n\n"
        "In Burundi, cases have been reported in Bujumbura and in 20 of the country's 49 health districts. "
        "Rwanda has reported four cases, all in people who had travelled to the Democratic Republic of the "
        "Congo.\n\n"
        "Public health response\n"
        "Vaccines donated by Japan and the United States arrived in Kinshasa in late August and were flown on "
        "to Goma for vaccination of contacts and health workers. WHO has deployed experts to "
        "Uvira and Bukavu to support surveillance and case management.\n\n"
        "WHO risk assessment\n"
        "The risk is assessed as high in the Democratic Republic of the Congo and neighbouring countries, and "
        "moderate at the global level."),
        [("a 42-year-old truck driver", ["Kampala", "Malaba", "Mombasa"]),
         ("Vaccines", ["Kinshasa", "Goma"])]),

    # ------------------------------------------------------------------ travel writing
    Article("travel-vietnam-train", "travel", (
        "Slow train down the coast\n\n"
        "The Reunification Express is not fast, but it is the best way to see Vietnam. We boarded the night "
        "train at Hanoi station a little before ten, four of us in a soft-sleeper cabin with lace curtains "
        "and a thermos of green tea.\n\n"
        "By morning the rice paddies had given way to sand dunes, and at noon we pulled into Hue, the old "
        "imperial capital. We spent two days there, cycling out to the royal tombs along the Perfume River.\n\n"
        "From Hue we took the train south over the Hai Van Pass to Da Nang. The line hugs the cliffs for an "
        "hour, and the views of the bay are worth every minute of the delay. In Da Nang we hired a driver for "
        "a day trip to Hoi An, where the old merchant houses glow under silk lanterns at dusk, and came back "
        "to Da Nang late that night.\n\n"
        "The longest leg was the last: nineteen hours from Da Nang to Ho Chi Minh City, with a stop at Nha "
        "Trang where half the carriage got off for the beaches. We bought bread rolls and mangoes from vendors "
        "on the platform and slept through the central highlands.\n\n"
        "A soft-sleeper berth from Hanoi to Ho Chi Minh City costs about 1.5 million dong. Book ahead in "
        "the weeks around the lunar new year, when the whole country seems to be going home."),
        [("We", ["Hanoi", "Hue", "Da Nang", "Hoi An", "Da Nang", "Nha Trang", "Ho Chi Minh City"])]),

    Article("travel-croatia-ferry", "travel", (
        "Island hopping on the Dalmatian coast\n\n"
        "Split is a city built inside a Roman emperor's palace, and it is also the busiest ferry port on the "
        "Adriatic. On a hot morning in June we wheeled our bags past the cafés of the Riva and caught the "
        "catamaran to Hvar.\n\n"
        "Hvar town was loud with yachts and bars, so after a night we took a local bus across the island to "
        "Stari Grad, a quieter harbour where Greek settlers laid out fields that are still farmed today.\n\n"
        "The next day another catamaran carried us to Korčula. Marco Polo is said to have been born here, "
        "although Venice also claims him. The walled old town sits on a peninsula like a fishbone, and we ate "
        "grilled squid on the ramparts while the sun went down over the Pelješac channel.\n\n"
        "Our last ferry took us to Dubrovnik, three hours along a coast of pine and limestone. We arrived in "
        "time to walk the city walls before the cruise crowds.\n\n"
        "Practicalities: Jadrolinija and Krilo run fast boats between Split, Hvar, Korčula and Dubrovnik from "
        "May to October. Tickets sell out in August. Zagreb has the most flights from elsewhere in Europe, but "
        "in summer there are direct flights to Split from London, Berlin and Oslo."),
        [("we", ["Split", "Hvar", "Stari Grad", "Korčula", "Dubrovnik"])]),

    Article("travel-andes-bus", "travel", (
        "Across the altiplano by bus\n\n"
        "We left Cusco on an early bus, climbing out of the valley past adobe villages and herds of alpaca. "
        "The road to Puno runs for seven hours across the high plain, and at La Raya pass, at 4,300 metres, "
        "the driver stopped so we could buy woven bracelets and take photographs of the snow peaks.\n\n"
        "Puno is a cold, busy market town on the shore of Lake Titicaca. From there we took a boat to the "
        "floating reed islands of the Uros people and spent a night with a family on Amantaní island, eating "
        "quinoa soup by candlelight.\n\n"
        "The following morning a minibus took us along the lake to the Bolivian border at Kasani, where we "
        "walked across with our passports and caught a connecting bus into Copacabana. The town is a "
        "pilgrimage site with a white Moorish cathedral, and in the afternoon we hiked up the Calvary hill.\n\n"
        "From Copacabana the road to La Paz crosses the Strait of Tiquina. Passengers ride a small launch while "
        "the bus itself is floated across on a wooden barge. It is a surreal sight. By evening we were coming "
        "down from El Alto into La Paz, the city spilling over the canyon walls below us.\n\n"
        "Buses between Cusco and La Paz run daily; the whole trip can be done in a day, but it is worth "
        "taking it slowly."),
        [("We", ["Cusco", "La Raya", "Puno", "Amantaní", "Kasani", "Copacabana", "El Alto", "La Paz"])]),

    Article("travel-new-zealand-road", "travel", (
        "South to north in a camper van\n\n"
        "We picked up our camper van at the depot near Christchurch airport on a bright spring morning and "
        "headed north on State Highway 1. The plan was simple: reach Wellington in four days without rushing.\n\n"
        "The first stop was Kaikoura, where the mountains drop straight into the sea. We went out on a boat at "
        "dawn and saw a sperm whale surface and dive, its tail lifting out of the water like a wing. In the "
        "afternoon we walked along the peninsula among sleeping fur seals.\n\n"
        "From Kaikoura the highway follows the coast to Blenheim, the heart of the Marlborough wine country. "
        "We spent a lazy day cycling between cellar doors and camped by the river.\n\n"
        "At Picton we drove the van onto the Interislander ferry. The crossing of Cook Strait takes three and a "
        "half hours, first through the green fingers of the Marlborough Sounds and then across open water, "
        "which was kind to us that day. We docked in Wellington in the early evening and celebrated with fish "
        "and chips on the waterfront.\n\n"
        "Camper vans can be hired in Auckland, Christchurch and Queenstown. Most companies charge a fee for "
        "one-way trips, and ferry tickets for vehicles should be booked well ahead in summer."),
        [("We", ["Christchurch", "Kaikoura", "Blenheim", "Picton", "Wellington"])]),

    Article("travel-jordan", "travel", (
        "Five days in Jordan\n\n"
        "Amman is a city of white stone spread over nineteen hills, and it makes a good base for the north of "
        "the country. On our first morning we took a taxi from Amman to Jerash, an hour away, and wandered "
        "through the Roman colonnades almost alone. We were back in Amman in time for dinner on Rainbow "
        "Street.\n\n"
        "The next day we rented a car and drove south along the King's Highway. The road winds through Madaba, "
        "famous for its Byzantine mosaic map of the Holy Land, and past the crusader castle at Kerak, where we "
        "stopped for lunch. We arrived in Wadi Musa after dark.\n\n"
        "Petra needs at least two days. We walked through the Siq at opening time and climbed the 800 steps "
        "to the Monastery before the heat set in.\n\n"
        "From Wadi Musa we drove to Wadi Rum and spent a night at a Bedouin camp under the stars, then "
        "continued to Aqaba on the Red Sea for a swim before flying home.\n\n"
        "Tip: the Jordan Pass covers the visa and entry to Petra, Jerash and more than forty other sites. Many "
        "visitors also cross to Jerusalem from Amman at the King Hussein Bridge, but check the opening hours "
        "before you go."),
        [("we", ["Amman", "Jerash", "Amman", "Madaba", "Kerak", "Wadi Musa", "Wadi Rum", "Aqaba"])]),

    Article("travel-lisbon-guide", "travel", (
        "A weekend in Lisbon\n\n"
        "Lisbon is a city best seen on foot, even if its hills will test your legs. Start in the Alfama, the "
        "oldest quarter, where washing hangs between the balconies and fado drifts out of small restaurants "
        "in the evening. The castle of São Jorge looks down over the rooftops to the Tagus.\n\n"
        "Belém, to the west, has the great monastery of the Jerónimos and the tower that guarded the river "
        "mouth. Queue for the custard tarts at the old bakery nearby; the recipe is said to come from the "
        "monks themselves.\n\n"
        "Our guide, Rui, is from Porto and teases the Lisbon people about their coffee. His favourite views "
        "are from the miradouro of Santa Luzia and from the garden of São Pedro de Alcântara, both free.\n\n"
        "For food, the Time Out Market in Cais do Sodré gathers the city's best cooks under one roof, and the "
        "restaurants of Bairro Alto stay open late. Sintra, with its palaces in the forest, and the beaches "
        "of Cascais are popular with visitors too.\n\n"
        "Lisbon's airport has flights from most European capitals, and trains run to Porto and the Algarve "
        "several times a day. The number 28 tram is charming, but crowded."),
        []),

    # ------------------------------------------------------------------ international news
    Article("intl-minister-tour-asia", "international", (
        "Japan's foreign minister begins South-East Asia tour\n\n"
        "TOKYO — Japan's foreign minister, Hiroshi Tanabe, left Tokyo on Sunday for a five-day tour of "
        "South-East Asia aimed at deepening security and economic ties with countries bordering the South "
        "China Sea.\n\n"
        "Tanabe will first travel to Hanoi, where he is expected to meet Vietnam's prime minister and sign an "
        "agreement on maritime patrol vessels. He will then fly to Manila for talks with his Philippine "
        "counterpart on coast guard cooperation, before ending the trip in Jakarta, where Indonesia is hosting "
        "a meeting on regional infrastructure.\n\n"
        "The trip comes after China deployed survey ships near the Spratly Islands last month, a move "
        "criticised by Manila and Hanoi. Beijing says the waters are its territory.\n\n"
        "Japan is one of the largest sources of investment in South-East Asia. Japanese companies have built "
        "railways in Jakarta and Manila and are major investors in industrial parks around Ho Chi Minh City "
        "and Bangkok.\n\n"
        "Officials in Tokyo said Tanabe would return on Friday. He visited Canberra and Wellington in March."),
        [("Japan's foreign minister, Hiroshi Tanabe", ["Tokyo", "Hanoi", "Manila", "Jakarta"])]),

    Article("intl-refugees-sudan-chad", "international", (
        "Thousands flee Darfur fighting into Chad\n\n"
        "ADRÉ, Chad — More than 20,000 people have crossed from Sudan into eastern Chad in the past week, "
        "fleeing renewed fighting in West Darfur, the UN refugee agency said on Thursday.\n\n"
        "Most of the new arrivals walked from El Geneina, the state capital, to the border town of Adré, a "
        "journey of about 30 kilometres that many made at night to avoid armed men on the road. In Adré, "
        "aid workers said, families waited for days in the open before being registered.\n\n"
        "Mariam Abakar, 34, said she fled El Geneina with her five children after their house was burned. "
        "\"We walked to Adré with nothing,\" she said. From Adré, the family was taken by truck to a camp at "
        "Farchana, where they received food and plastic sheeting.\n\n"
        "The camps in eastern Chad are already hosting more than 600,000 Sudanese refugees, and aid agencies "
        "warned that supplies of water and food were running low. Fighting has also displaced millions inside "
        "Sudan, with many people heading for Port Sudan, on the Red Sea, and for Egypt.\n\n"
        "The World Food Programme said it had moved food stocks from Abéché to Adré, but that convoys "
        "had been slowed by rain that washed out roads. Chad has appealed to donors for help."),
        [("More than 20,000 people", ["Sudan", "Chad"]),
         ("Most of the new arrivals", ["El Geneina", "Adré"]),
         ("Mariam Abakar", ["El Geneina", "Adré", "Farchana"]),
         ("food stocks", ["Abéché", "Adré"])]),

    Article("intl-tanker-seized", "international", (
        "Tanker seized in the Gulf of Oman\n\n"
        "DUBAI — An oil tanker sailing from Basra to Singapore was seized by armed men in the Gulf of Oman on "
        "Tuesday and diverted towards Iranian waters, maritime security agencies said.\n\n"
        "The Marshall Islands-flagged vessel, carrying about two million barrels of Iraqi crude, had passed "
        "through the Strait of Hormuz on Monday night. It was boarded about 30 nautical miles east of Fujairah "
        "by men who arrived in two small boats. Tracking data showed the ship turning north and heading for "
        "Bandar-e Jask, on Iran's southern coast, where it anchored on Wednesday.\n\n"
        "The ship's operator, based in Athens, said it had lost contact with the 24 crew, most of them from "
        "India and the Philippines. Iranian state media said the navy had acted on a court order in a dispute "
        "over an earlier cargo.\n\n"
        "About a fifth of the world's oil passes through the Strait of Hormuz. Several tankers have been seized "
        "in the area in recent years, and insurers in London have raised premiums for ships calling at ports "
        "in the Gulf. Oil prices rose two percent after the news.\n\n"
        "The United States Navy's Fifth Fleet, based in Bahrain, said it was monitoring the situation."),
        [("An oil tanker", ["Basra", "Strait of Hormuz", "Fujairah", "Bandar-e Jask"])]),

    Article("intl-state-visit-kenya-china", "international", (
        "Kenyan president begins state visit to China\n\n"
        "BEIJING — Kenya's president, William Mutai, arrived in Beijing on Monday for a four-day state visit, "
        "the first by a Kenyan leader in five years, as Nairobi seeks new financing for roads and railways.\n\n"
        "Mutai was welcomed at the Great Hall of the People with a military ceremony and held talks with "
        "China's president on trade, debt and investment. The two leaders witnessed the signing of twelve "
        "agreements, including one on extending the standard gauge railway from Naivasha towards the Ugandan "
        "border.\n\n"
        "On Wednesday Mutai will travel to Shanghai to meet business leaders and visit a port operated by a "
        "Chinese company, before flying to Shenzhen on Thursday to tour a technology park. He is due to return "
        "to Nairobi on Friday.\n\n"
        "China is Kenya's largest bilateral lender. The railway between Mombasa and Nairobi, built by a Chinese "
        "company and opened in 2017, has carried millions of passengers but has struggled to repay its loans. "
        "Kenyan tea and avocados are now exported to China, and officials hope to cut a trade deficit that "
        "stands at about 3 billion dollars.\n\n"
        "Opposition politicians in Nairobi have criticised the trip, saying Kenya should not take on more debt."),
        [("Kenya's president, William Mutai", ["Beijing", "Shanghai", "Shenzhen", "Nairobi"])]),

    Article("intl-migrant-boat-mediterranean", "international", (
        "Dozens rescued after boat from Libya capsizes\n\n"
        "ROME — Italian coast guard vessels rescued 57 people on Saturday after a wooden boat that had left "
        "Zuwara in western Libya capsized south of Lampedusa, officials said. At least nine people are "
        "missing.\n\n"
        "The survivors, from Eritrea, Sudan and Bangladesh, told rescuers they had paid smugglers up to 4,000 "
        "euros each for the crossing. The boat set off from Zuwara on Thursday night and had been at sea for "
        "almost two days when its engine failed.\n\n"
        "The survivors were taken to Lampedusa and on Sunday were transferred by ferry to Porto Empedocle in "
        "Sicily, where they were registered. Some of them said they had travelled for months from Khartoum "
        "through Chad and Niger before reaching Libya.\n\n"
        "More than 100,000 migrants have reached Italy by sea this year, most of them from Libya and Tunisia. "
        "The government in Rome has signed agreements with Tunis and Tripoli to curb departures, but human "
        "rights groups say migrants held in Libyan detention centres face abuse.\n\n"
        "The European Union's interior ministers will discuss migration at a meeting in Brussels next week."),
        [("The survivors", ["Zuwara", "Lampedusa", "Porto Empedocle"]),
         ("Some of them", ["Khartoum", "Chad", "Niger", "Libya"])]),

    Article("intl-pm-pacific-tour", "international", (
        "Australian prime minister visits Pacific neighbours\n\n"
        "PORT MORESBY — Australia's prime minister, Claire Hollis, arrived in Port Moresby on Tuesday at the "
        "start of a three-nation Pacific tour, as Canberra competes with Beijing for influence in the region.\n\n"
        "Hollis flew in from Brisbane with a delegation of business leaders and was greeted by Papua New "
        "Guinea's prime minister at Jackson's International Airport. The two leaders announced funding for a "
        "police training college and an undersea internet cable.\n\n"
        "On Thursday Hollis travelled on to Honiara, the capital of Solomon Islands, which signed a security "
        "pact with China two years ago. She was to finish the tour in Suva, Fiji, where she will address the "
        "Pacific Islands Forum secretariat, before returning to Canberra on Saturday.\n\n"
        "Australia is the largest aid donor in the Pacific. It has recently expanded labour programmes that "
        "bring seasonal workers from Vanuatu, Tonga and Samoa to farms in Queensland and Victoria.\n\n"
        "Critics at home say the government has been slow to act on climate change, which Pacific leaders call "
        "the greatest threat to their countries. Sea levels are rising fast around Tuvalu and Kiribati."),
        [("Australia's prime minister, Claire Hollis", ["Brisbane", "Port Moresby", "Honiara", "Suva",
                                                       "Canberra"])]),

    Article("intl-summit-vientiane", "international", (
        "ASEAN leaders meet in Vientiane amid Myanmar crisis\n\n"
        "VIENTIANE — Leaders of the Association of Southeast Asian Nations opened their annual summit in the "
        "Lao capital on Wednesday, with the civil war in Myanmar and disputes in the South China Sea high on "
        "the agenda.\n\n"
        "The bloc has barred Myanmar's military leaders from its summits since the 2021 coup. Thailand, which "
        "shares a long border with Myanmar, has pushed for more engagement, while Malaysia and Indonesia have "
        "called for a tougher line.\n\n"
        "The Philippines raised recent clashes between its coast guard and Chinese vessels near the Second "
        "Thomas Shoal. Vietnam and Malaysia also have claims in the sea, through which a third of global "
        "shipping passes.\n\n"
        "Trade was also discussed. Exports from Vietnam and Thailand to the United States have surged as "
        "manufacturers move production out of China, and leaders want to finish an upgrade of the region's "
        "free trade agreement with Australia and New Zealand.\n\n"
        "Laos, one of the poorest members of the bloc, has borrowed heavily from China to build a railway "
        "from Vientiane to the Chinese border. Next year's summit will be held in Kuala Lumpur."),
        []),

    Article("intl-trade-copper-chile", "international", (
        "Chile's copper exports hit record as demand from China grows\n\n"
        "SANTIAGO — Chile's copper exports reached a record 52 billion dollars last year, the central bank said "
        "on Monday, driven by demand from China for electric vehicles and power grids.\n\n"
        "Most of the metal is mined in the northern Atacama desert, around Antofagasta and Calama, and shipped "
        "from ports such as Mejillones and San Antonio to Shanghai, Busan and Yokohama. China buys about half "
        "of Chile's copper, followed by Japan, South Korea and the United States.\n\n"
        "The state company Codelco, which runs the Chuquicamata and El Teniente mines, said output had "
        "recovered after two years of decline. Peru, the world's second-largest producer, has seen protests "
        "near mines in Apurímac disrupt production, helping Chilean exporters.\n\n"
        "Lithium exports, mostly from the Salar de Atacama, fell as prices dropped. The government in Santiago "
        "wants to raise output through a partnership between Codelco and a private producer.\n\n"
        "Economists warned that the economy remains vulnerable to a slowdown in China. The peso strengthened "
        "against the dollar after the data was published."),
        []),

    Article("outbreak-ebola-spread-uganda", "outbreak", (
        "Ebola disease caused by Sudan virus – Uganda\n\n"
        "On 20 September, the Ministry of Health of Uganda declared an outbreak of Ebola disease caused by "
        "Sudan virus in Mubende district. As of 5 November, 132 confirmed cases and 49 deaths have been "
        "reported from nine districts.\n\n"
        "Since the outbreak began in Mubende, the disease has spread to neighbouring Kassanda and Kyegegwa, and "
        "cases have been confirmed in Kampala, the capital, in Wakiso and in Jinja. All cases in Kampala are "
        "linked to known chains of transmission from Mubende. Masaka and Bunyangabu have also reported "
        "cases.\n\n"
        "Nineteen health workers have been infected, seven of whom have died. The Ministry of Health has "
        "restricted movement in and out of Mubende and Kassanda for 21 days, closing markets, bars and places "
        "of worship.\n\n"
        "There is no licensed vaccine for Sudan virus. Candidate vaccines are being evaluated in a trial, and "
        "treatment centres are operating in Mubende, Entebbe and Fort Portal.\n\n"
        "WHO risk assessment\n"
        "The risk is very high at the national level and high at the regional level, given the spread to "
        "Kampala, an international travel hub with links to Kenya, Rwanda, Tanzania and South Sudan. The risk "
        "is low at the global level."),
        []),
]

# Written after the rules above were fixed, and run once before any further change: a check on articles the rules
# were not tuned on (see the report in the commit message).
FRESH: list[Article] = [
    Article("fresh-outbreak-yellow-fever-brazil", "outbreak", (
        "Yellow fever – Brazil\n\n"
        "Between December and March, the Ministry of Health of Brazil reported 61 confirmed human cases of yellow "
        "fever, including 24 deaths, in the states of Minas Gerais, São Paulo and Espírito Santo. Epizootics in "
        "non-human primates have been confirmed in 130 municipalities.\n\n"
        "Most cases are unvaccinated men working in rural areas. One fatal case was a 52-year-old farm worker from "
        "Teófilo Otoni who travelled by car to Belo Horizonte on 2 February after developing fever and jaundice. He "
        "was admitted to the Eduardo de Menezes hospital in Belo Horizonte, where he died on 7 February.\n\n"
        "A second case was a tourist who had visited waterfalls near Ilhabela. After returning to São Paulo on 14 "
        "January, she developed symptoms and was treated at a hospital in the city. She has recovered.\n\n"
        "Samples were tested at the Adolfo Lutz Institute in São Paulo and at the Oswaldo Cruz Foundation in Rio de "
        "Janeiro. The sylvatic cycle of the virus has moved towards the densely populated south-east in recent years, "
        "and cases have also been reported in Bolivia and Peru.\n\n"
        "Public health response\n"
        "Vaccination has been intensified in the affected states, with 3.2 million doses distributed since "
        "December. WHO recommends vaccination for international travellers visiting areas at risk, and does not "
        "recommend restrictions on travel or trade with Brazil."),
        [("a 52-year-old farm worker", ["Teófilo Otoni", "Belo Horizonte"]),
         ("a tourist", ["Ilhabela", "São Paulo"])]),

    Article("fresh-outbreak-measles-mongolia", "outbreak", (
        "Measles – Mongolia\n\n"
        "Since January, Mongolia has reported 2,400 suspected measles cases, of which 1,100 have been laboratory "
        "confirmed. Cases have been reported from all 21 provinces and from Ulaanbaatar, which accounts for 70 percent "
        "of the total. Most cases are in children under five and in young adults.\n\n"
        "The outbreak is thought to have started among students in Ulaanbaatar and spread to the provinces during "
        "the Lunar New Year holiday, when many families travel to the countryside. Darkhan and Erdenet have reported "
        "clusters in schools and a university hostel.\n\n"
        "Four deaths have been reported, all in Ulaanbaatar. The National Centre for Communicable Diseases has "
        "opened additional beds, and a supplementary immunisation campaign targeting 300,000 people aged 2 to 30 "
        "began in March.\n\n"
        "WHO risk assessment\n"
        "Measles remains endemic in parts of Asia. The risk is high at the national level and moderate at the "
        "regional level, given travel between Mongolia, China and Russia. WHO does not recommend travel or trade "
        "restrictions."),
        []),

    Article("fresh-travel-sri-lanka", "travel", (
        "Up-country by train\n\n"
        "Colombo is hot and loud, and most travellers leave it as soon as they can. We took the early train from "
        "Colombo Fort station, squeezed into second class with families carrying rice cookers and bunches of "
        "bananas.\n\n"
        "The line climbs slowly through rubber and then tea, and after three hours we got off at Kandy, the old "
        "royal capital, where we spent two nights by the lake and watched the evening ceremony at the Temple of the "
        "Tooth.\n\n"
        "From Kandy the train to Ella is the one everyone talks about, and it deserves the praise. For seven hours it "
        "winds through tea estates, tunnels and cloud forest, stopping at Nuwara Eliya, where the air turns cool and "
        "the station looks like an English village. We reached Ella in the late afternoon and walked to our guest "
        "house along the tracks.\n\n"
        "Ella is a village of cafés and hiking trails. We climbed Little Adam's Peak at dawn and walked to the Nine "
        "Arch Bridge to watch the blue train cross.\n\n"
        "To finish, we hired a tuk-tuk down to the south coast and spent three lazy days in Mirissa, where the "
        "whales pass close to shore between November and April."),
        [("We", ["Colombo", "Kandy", "Nuwara Eliya", "Ella", "Mirissa"])]),

    Article("fresh-travel-namibia", "travel", (
        "A road trip through Namibia\n\n"
        "Windhoek is small and orderly, a good place to pick up a four-wheel drive and stock up on water. We left "
        "Windhoek on a Monday morning and drove south-west on gravel roads for six hours to Sesriem, the gateway to "
        "the red dunes of Sossusvlei.\n\n"
        "We climbed Dune 45 before sunrise, the sand cold under our feet, and watched the light slide down into the "
        "pan. Two days later we headed west through the desert to Walvis Bay, where flamingos crowd the lagoon, and "
        "then followed the coast north to Swakopmund.\n\n"
        "Swakopmund feels like a German seaside town dropped on the edge of the desert. We ate apple strudel, "
        "bought supplies and set off again, this time north-east to the Etosha National Park, where we spent three "
        "nights watching elephants and rhinos at the waterholes.\n\n"
        "From Etosha it is a long drive back to Windhoek, and we arrived late, dusty and happy.\n\n"
        "Namibia's roads are mostly gravel. Carry two spare tyres, and never drive at night, when antelope and cattle "
        "wander onto the road."),
        [("We", ["Windhoek", "Sesriem", "Walvis Bay", "Swakopmund", "Etosha National Park", "Windhoek"])]),

    Article("fresh-intl-foreign-minister-gulf", "international", (
        "German foreign minister tours Gulf as shipping attacks continue\n\n"
        "RIYADH — Germany's foreign minister, Katrin Vogt, arrived in Riyadh on Sunday at the start of a three-day "
        "visit to the Gulf, as attacks on merchant ships in the Red Sea disrupt trade between Asia and Europe.\n\n"
        "Vogt, who flew in from Berlin, met her Saudi counterpart to discuss the security of shipping lanes and the "
        "war in Sudan. On Monday she will travel to Doha, which has mediated between the warring sides in several "
        "conflicts, and then to Abu Dhabi, before returning to Berlin on Wednesday.\n\n"
        "Germany buys liquefied natural gas from Qatar and is one of the largest exporters of machinery to Saudi "
        "Arabia. German companies also operate desalination plants in the United Arab Emirates.\n\n"
        "The minister last visited the region in October, when she travelled to Cairo and Amman.\n\n"
        "Container lines have diverted ships around the Cape of Good Hope to avoid the Bab el-Mandeb strait, adding "
        "ten days to voyages between Shanghai and Rotterdam."),
        [("Germany's foreign minister, Katrin Vogt", ["Berlin", "Riyadh", "Doha", "Abu Dhabi", "Berlin"])]),

    Article("fresh-intl-venezuela-migrants", "international", (
        "Venezuelan migrants cross the Darién on the way north\n\n"
        "BOGOTÁ — More than 250,000 migrants, most of them Venezuelans, crossed the Darién Gap between Colombia and "
        "Panama in the first half of the year, Panamanian authorities said on Tuesday.\n\n"
        "Carlos Medina, a 29-year-old mechanic, left Maracaibo in April with his wife and daughter. They took a bus "
        "to Cúcuta, crossed the border on foot and travelled by bus to Medellín and then to Necoclí on the "
        "Caribbean coast. From Necoclí they took a boat to Acandí, where they began the walk through the jungle.\n\n"
        "\"We walked for six days,\" Medina said at a reception centre in Lajas Blancas, in Panama. He hopes to "
        "reach the United States.\n\n"
        "Colombia hosts nearly three million Venezuelans, and many have settled in Bogotá and Barranquilla. Aid "
        "groups say the crossing has become more dangerous, with robberies and sexual violence reported on the "
        "trail.\n\n"
        "Panama and Costa Rica run buses that carry migrants north to the border with Nicaragua."),
        [("Carlos Medina", ["Maracaibo", "Cúcuta", "Medellín", "Necoclí", "Acandí", "Lajas Blancas"])]),
]
