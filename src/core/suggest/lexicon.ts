// Word lists the entity and claim rules consult: cue words that type a name (Inc, University, River), titles that
// precede a person's name, well-known places and organizations, common given names, and words that are capitalized
// only because they start a sentence. The NLP library gives parts of speech but no entity types, so the types come
// from these lists and from context. Lists are kept as plain strings so that they are easy to read and extend.

function words(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

/** Entries separated by `|`, for lists whose entries hold spaces. */
function phrases(s: string): Set<string> {
  return new Set(s.split('|').map((p) => p.trim().replace(/\s+/g, ' ')).filter(Boolean));
}

/** Last words that make a name an organization: "Dalby Freight Ltd", "Johns Hopkins University". */
export const ORG_SUFFIXES = words(`
  Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. LLC LLP plc PLC AG SA GmbH NV Limited
  Group Holdings Partners Capital Ventures Industries Enterprises Motors Airlines Airways Air Railways Rail
  Bank Bancorp Securities Exchange Insurance Investments Fund Trust Foundation Society Institute Institution
  University College Academy School Schools Hospital Clinic Infirmary Museum Gallery Library Libraries Theatre Theater
  Ministry Department Council Committee Commission Agency Authority Administration Bureau Office Service Services
  Board Assembly Parliament Congress Senate Cabinet Court Tribunal Secretariat Directorate Inspectorate Executive
  Party Association Union Federation Confederation League Alliance Coalition Movement Front Network Club Guild
  Organization Organisation Council Centre Center Church Diocese Mosque Synagogue Cathedral
  Police Constabulary Army Navy Forces Corps Guard Command Brigade Brigades Regiment Militia Marines
  Times Post Journal News Herald Gazette Tribune Telegraph Guardian Observer Chronicle Press Media Radio Television TV
  Magazine Weekly Desk Mail
  Studios Records Pictures Entertainment Games Pharmaceuticals Pharma Technologies Technology Systems Software
  Labs Laboratories Laboratory Energy Petroleum Oil Gas Power Electric Steel Mining Foods Brands Stores
  Logistics Shipping Telecom Communications Solutions Consulting Reserve Mission Council Caucus Project
  FC AFC CF Rovers Wanderers Athletic Albion Borough Hotspur Rangers Celtic Dynamo Giants Yankees Lakers Warriors
  Utilities Authority Tribe Nations Assembly Consortium Conservancy Charity Charities Campaign Watch Initiative
  Research Marine Freight Trains Buses Health Robotics Analytics Biotech Therapeutics Aerospace Automotive Chemical
  Chemicals Water Telecoms Hospitality Retail Wireless Cinemas Hotels Resorts Railroad Transit
`);

/** First words that make an organization when "of"/"for" follows: "Bank of England", "Ministry of Defence". */
export const ORG_HEADS = words(`
  University Bank Ministry Department Institute Council Court Church Museum College School Academy Board Office
  Union League House Federation Association Society Organization Organisation Commission Committee Agency
  Centre Center Bureau Secretary Federal Assembly Chamber Order Friends Party Coalition Alliance Campaign Conference
  Network Fund Foundation Trust Service Authority Administration Corporation Inspectorate Directorate Journal
`);

/** Last words that make a name a place: "Mississippi River", "Montgomery County", "Fenwick Street". */
export const LOC_SUFFIXES = words(`
  River Rivers Mountain Mountains Mount Hills Hill Heights Valley Valleys Canyon Gorge Glacier Desert Plateau Plain
  Plains Basin Delta Forest Woods Lake Lakes Loch Sea Ocean Bay Gulf Strait Straits Channel Sound Canal Coast Coastline
  Island Islands Isles Isle Peninsula Cape Reef Beach Falls Creek Harbour Harbor Estuary Marsh Moor Fen Dale
  County Province Prefecture Region District Territory Territories Oblast State Republic Kingdom Emirate Emirates
  Street St. Road Rd Avenue Ave Boulevard Lane Square Place Terrace Crescent Highway Motorway Drive Way Row Quay
  Bridge Tunnel Airport Station Park Common Green Garden Gardens Estate Village Town City Borough Parish Township
  Stadium Arena Ground Speedway Racecourse Velodrome
  Pass Point Head Ridge Peak Range Corridor Strip Bank
`);

/** First words that make a place: "Mount Everest", "Lake Geneva", "River Wyre", "Port Ellis". */
export const LOC_PREFIXES = words(`Mount Mt. Lake Loch River Cape Isle Port Fort Gulf Bay Strait Sea Lac Rio San Santa Saint St. Ste.`);

/**
 * Titles and roles written before a name; a name after one is a person's, and the title is not part of the span.
 * Single words; multi-word titles ("Prime Minister", "Secretary of State") are runs of these.
 */
export const TITLES = words(`
  Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Madam Madame Monsieur Mme Mme. Herr
  President Vice Prime Minister Ministers Premier Chancellor Secretary Secretary-General Senator Sen. Sens.
  Representative Rep. Reps. Congressman Congresswoman Congressmember Governor Gov. Lieutenant Lt. Mayor Deputy
  Councillor Councilor Councilman Councilwoman Councilmember Assemblyman Assemblywoman Assemblymember Alderman
  Treasurer Assessor Auditor Clerk Controller Comptroller Recorder Coroner Prosecutor Commissioner Sheriff Judge Justice Magistrate Attorney
  General Gen. Colonel Col. Major Maj. Captain Capt. Sergeant Sgt. Corporal Cpl. Private Pvt. Admiral Adm.
  Commander Cmdr. Marshal Brigadier Officer Detective Det. Inspector Constable Chief Superintendent Supt. Agent
  King Queen Prince Princess Duke Duchess Earl Count Countess Baron Baroness Emperor Empress Sultan Emir Sheikh
  Shaikh Crown Pope Cardinal Archbishop Bishop Rabbi Imam Ayatollah Father Fr. Rev. Reverend Pastor Sister Brother
  Chairman Chairwoman Chairperson Chair Director Ambassador Envoy Spokesman Spokeswoman Spokesperson Speaker
  Leader Founder Coach Manager Striker Midfielder Defender Goalkeeper Quarterback Pitcher Captain Skipper Referee
  Former Ex Late Acting Interim Assistant Associate Executive CEO Chief-Executive CFO COO Dean Provost Principal
  Headteacher Headmaster Headmistress Nurse Dr Doctor Lawyer Economist Analyst Author Novelist Poet Singer Actor
  Actress Artist Editor Correspondent Reporter Columnist Presenter Host Anchor Activist Campaigner Candidate
  Nominee Incumbent Foreign Defence Defense Finance Health Interior Home Justice Energy Trade Economy Education
  Transport Environment Culture Labour Labor Agriculture State Treasury Attorney-General Solicitor Solicitor-General
  Majority Minority Whip Opposition Shadow House Senate Federal National Regional Supreme High Grand Lord-Chief
  President-elect Vice-President Prime-Minister Gov.-elect Mayor-elect Sen.-elect Secretary-of-State MP MEP MSP
  Pres. Hon. Honourable Honorable Rt. Right Saint Sr. Sr Jr
`);

/** Titles that on their own (not just as the first word of a run) end with the name following. */
export const PERSON_TITLES_STRONG = words(`
  Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady President Chancellor Senator Sen.
  Rep. Congressman Congresswoman Governor Gov. Mayor Councillor Councilor Councilman Councilwoman Judge Justice
  Gen. General Colonel Col. Captain Capt. Sgt. Sergeant Admiral Adm. Commander Detective Det. Inspector Constable
  Superintendent King Queen Prince Princess Duke Duchess Sultan Emir Sheikh Pope Cardinal Archbishop Bishop Rabbi
  Imam Ayatollah Father Fr. Rev. Reverend Pastor Chairman Chairwoman Ambassador Speaker Premier Minister Secretary
  Lt. Maj. Commissioner Sheriff Coach Manager Director Chair Chief Provost Dean Superintendent MP Pres. Hon.
  Councilmember Assemblyman Assemblywoman Assemblymember Alderman Congressmember Treasurer Assessor Auditor Clerk
  Attorney Attorney-General Solicitor-General Spokesman Spokeswoman Spokesperson
`);

/** Words that follow a person's name (or its apposition) in reported speech and action. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds wrote writes asked asks explained explains argued argues insisted insists
  noted notes stated states recalled recalls warned warns claimed claims acknowledged acknowledges admitted admits
  announced announces replied replies responded responds continued continues urged urges suggested suggests
  testified testifies tweeted tweets posted posts declared declares conceded concedes confirmed confirms denied
  denies stressed stresses emphasised emphasized complained complains predicted predicts promised promises
  recounted believes believed thinks thought wants wanted hopes hoped agreed agrees disagreed
`);

/** Verbs of a person acting, after a single unknown name: "Pike scored", "Kipchoge finished". */
export const PERSON_ACTION_VERBS = words(`
  scored finished won lost died resigned smiled laughed shrugged sighed nodded whispered shouted cried married
  divorced joined left travelled traveled met visited arrived returned retired campaigned spoke pleaded
`);

/** Words that are capitalized at the start of a sentence or heading but are not names on their own. */
export const COMMON_CAPITALIZED = words(`
  A An The This That These Those It Its It's He She They We I You His Her Their Our Your My Me Him Them Us
  And But Or Nor So Yet For If When While Where Whereas Although Though Because Since As After Before Until Unless
  Once Then Now Still Also Even Just Only However Meanwhile Moreover Furthermore Nevertheless Nonetheless Instead
  Indeed Thus Therefore Hence Besides Otherwise Finally Overall Already Again Yes No Not Never Always Often Sometimes
  Today Tonight Yesterday Tomorrow Earlier Later Recently Currently Previously Initially Eventually Last Next
  In On At By With Without From To Of Off Over Under Into Onto Upon About Above Below Across Against Among Amid
  Around Behind Beyond During Inside Outside Through Throughout Toward Towards Within Despite Including Following
  According Per Via Like Unlike Here There What Which Who Whom Whose Why How Whatever Whoever Some Any Many Much
  More Most Few Several Each Every Both Either Neither All Other Another Such One Two Three Four Five Six Seven
  Eight Nine Ten First Second Third Fourth Fifth Half Dozens Hundreds Thousands Millions Please Thank Thanks
  Sign Click Read Follow Share Subscribe Watch Listen See Get Join Download Contact Advertisement Sponsored Related
  Photo Photograph Image Video Picture Copyright Updated Posted Published Source Sources Editor Editing Reporting
  Writing Additional Breaking Exclusive Live Update Opinion Analysis Comment Comments Editorial Review News Top
  Mr Mrs Ms Dr Officials Police Residents Critics Supporters Analysts Experts Researchers Scientists Lawmakers
  Investigators Authorities Protesters Voters Workers Doctors Teachers Students Parents Children People Many
  Asked Speaking Writing Having Being Given Based Born Known Called Named Despite Dear Hello Hi Oh Well Okay OK
  Welcome Good Great New Old Big Small Former Late Early Local National International Global Federal Public Private
  Other Another Same Chief Senior Junior Top Head Deputy Acting Interim Democratic Republican Conservative Liberal
  Note Notes Also Plus Total Figures Data Table Chart Graph Map Summary Background Context Timeline Key Facts
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn
  Fall Winter Christmas Easter Ramadan Eid Diwali Hanukkah Thanksgiving Halloween AM PM GMT BST EST EDT PST UTC
  COVID COVID-19 Covid Covid-19 Coronavirus God Internet Web Online Twitter-like
`);

/** Place cue words that are also surnames: after a given name they end a person's name ("Leona Marsh"). */
export const SURNAME_LIKE_PLACE_WORDS = words(`
  Hill Hills Marsh Moor Fen Dale Bank Park Green Common Place Row Way Point Head Ridge Range Pass Heights Falls
  Beach Wood Woods Forest Field Bridge Gardens Garden Lane Street Ford Brook Burns Lake Town Cross Vale Wells
`);

/** Surnames that are also common English words ("Smith", "Price"), so that a common last word still reads as a name. */
export const COMMON_WORD_SURNAMES = words(`
  Smith Marsh Price Bell Pike Brown White Black Green Young King Wood Hill Baker Cook Ward Hunt Fox Lamb Stone Rose
  Field Lane Mason Rich Little Long Short Page Knight Bishop Bird Booth Bush Gill Hall Hart Moss Reed Rice Rush Sharp
  Small Street Swift Walker Weaver Wells West Wolf Best Bond Boyle Carpenter Carter Chase Church Cole Cross Dean Drake
  Fisher Ford Fowler Frost Gardner Golden Gray Grey Hardy Holland Hope Hunter Lowe May Miller Moon Moore Nash North
  Page Parsons Payne Porter Potter Power Pratt Savage Shepherd Singer Slater Spencer Steel Stewart Summers Tanner
  Taylor Temple Turner Wall Warren Waters Webb Wild Winter Wise Woods Wright Archer Armstrong Banks Barber Bass
  Bowman Brooks Burns Butler Chambers Cash Cooper Cotton Crane Dale Day Duke Fields Fleming Forest Freeman Gates
  Glass Good Grant Hawk Hay Holmes Horn Jolly Judge Keen Lord Love Marshall Mills Morse Noble Oakley Parker Peck
  Penny Pool Reeves Ridge Rivers Ross Sand Sands Seal Sellers Shaw Sherman Snow Sparks Spring Stark Strong Sweet
  Trout Vail Vine Wade Walls Ware Wilde Wing Woodward Yates
`);

/** Lower-case nouns that, after a name, make it a place: "the Krasnodar region", "in Sylhet district". */
export const PLACE_NOUNS = words(`
  region province district county city town village state area valley river island islands border coast port
  peninsula prefecture municipality governorate oblast township suburb neighbourhood neighborhood capital
`);

/** Words that end a run of capitals without belonging to the name before them: "Amazon Tuesday". */
export const DATE_WORDS = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. Jun.
  Jul. Aug. Sep. Sept. Oct. Nov. Dec. AM PM GMT BST EST EDT PST UTC
`);

/** Common capitalized words that may begin an organization's or a place's name: "International Atomic Energy Agency". */
export const NAME_ADJECTIVES = words(`
  International National Federal Global Local Democratic Republican Conservative Liberal New Old Great Big Royal
  Central Public Private Chief Senior Top Independent United Free First Second Third Good Early Late Other Key
  Three Two Four Five Ten Half Top Head Live Many Most Total Data Breaking Review News Map Sources Source
`);

/** Words for nationalities and groups of people; capitalized but not names of persons, organizations or places. */
export const DEMONYMS = words(`
  American Americans British Briton Britons English Scottish Scots Welsh Irish French German Germans Italian Italians
  Spanish Portuguese Dutch Belgian Swiss Austrian Swedish Swede Swedes Norwegian Norwegians Danish Dane Danes Finnish
  Finn Finns Icelandic Polish Pole Poles Czech Czechs Slovak Hungarian Hungarians Romanian Romanians Bulgarian
  Greek Greeks Turkish Turk Turks Cypriot Russian Russians Ukrainian Ukrainians Belarusian Georgian Georgians
  Armenian Armenians Azerbaijani Kazakh Uzbek Afghan Afghans Pakistani Pakistanis Indian Indians Bangladeshi
  Sri Lankan Nepali Nepalese Chinese Japanese Korean Koreans Taiwanese Vietnamese Thai Cambodian Burmese Malaysian
  Indonesian Indonesians Filipino Filipinos Australian Australians Zealander Canadian Canadians Mexican Mexicans
  Brazilian Brazilians Argentine Argentinian Chilean Colombian Colombians Venezuelan Venezuelans Peruvian Cuban
  Cubans Haitian Jamaican Puerto Rican Egyptian Egyptians Libyan Libyans Tunisian Algerian Moroccan Sudanese
  Ethiopian Ethiopians Somali Somalis Kenyan Kenyans Ugandan Tanzanian Rwandan Congolese Nigerian Nigerians
  Ghanaian Senegalese Malian Cameroonian Angolan Zimbabwean Zambian Mozambican South-African African Africans
  Iranian Iranians Iraqi Iraqis Syrian Syrians Lebanese Jordanian Jordanians Israeli Israelis Palestinian
  Palestinians Saudi Saudis Emirati Qatari Kuwaiti Yemeni Yemenis Omani Bahraini Kurdish Kurd Kurds Arab Arabs
  Arabic Persian Hebrew Latin Asian Asians European Europeans Western Westerners Eastern Northern Southern
  Muslim Muslims Christian Christians Catholic Catholics Protestant Protestants Jewish Jew Jews Hindu Hindus
  Sikh Sikhs Buddhist Buddhists Islamic Islamist Islamists Sunni Shia Shiite Shiites Orthodox Evangelical
  Democrat Democrats Republican Republicans Tory Tories Conservatives Liberals Socialist Socialists Communist
  Communists Labourite Nationalist Nationalists Unionist Unionists Loyalist Loyalists Marxist Leninist
  Soviet Soviets Nazi Nazis Roman Romans Byzantine Ottoman Victorian Edwardian Georgian Elizabethan Celtic Norse
  Latino Latinos Latina Hispanic Hispanics Caribbean Scandinavian Nordic Baltic Balkan Slavic Gulf Pacific
  Atlantic Mediterranean Olympic Olympian Olympians Paralympic Brexiteer Brexiteers Londoner Londoners
  New-Yorker Parisian Berliner Muscovite Texan Texans Californian Californians Floridian Scot Irishman Englishman
`);

/** Countries and territories, with common short forms. */
export const COUNTRIES = phrases(`
  Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
  Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|
  Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|
  Chad|Chile|China|Colombia|Comoros|Congo|Democratic Republic of Congo|Democratic Republic of the Congo|
  Republic of Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|
  Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|
  Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|
  Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|
  Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|
  Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
  Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|
  Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|
  Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|
  Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
  Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|Somaliland|South Africa|South Korea|South Sudan|
  Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
  Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|U.A.E.|
  United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|
  United States of America|US|U.S.|U.S|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Vatican City|Venezuela|
  Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|Greenland|Puerto Rico|Hong Kong|Macau|Gaza|Gaza Strip|West Bank|Crimea|
  Donbas|Donbass|Kashmir|Tibet|Xinjiang|Chechnya|Kurdistan|Western Sahara|Transnistria|Abkhazia|South Ossetia|
  Nagorno-Karabakh|Soviet Union|USSR|Yugoslavia|Czechoslovakia|East Germany|West Germany|Zaire|Rhodesia|Ceylon
`);

/** Continents, regions, US states, provinces and other large areas. */
export const REGIONS = phrases(`
  Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Arctic|Antarctic|
  Oceania|Middle East|Near East|Far East|Eurasia|Balkans|Caucasus|Sahel|Sahara|Scandinavia|Siberia|Horn of Africa|
  Southeast Asia|South Asia|East Asia|Central Asia|West Africa|East Africa|North Africa|Southern Africa|
  Sub-Saharan Africa|Persian Gulf|Mediterranean|Caribbean|Pacific|Atlantic|Indian Ocean|Black Sea|Red Sea|
  Baltic|Baltic Sea|North Sea|South China Sea|East China Sea|Sea of Japan|Arabian Sea|Caspian Sea|English Channel|
  Strait of Hormuz|Suez Canal|Panama Canal|Amazon|Nile|Danube|Rhine|Thames|Mississippi|Yangtze|Ganges|Euphrates|
  Tigris|Himalayas|Alps|Andes|Rockies|Pyrenees|Urals|Midwest|New England|Deep South|Silicon Valley|Wall Street|
  West Coast|East Coast|Gulf Coast|Bay Area|Appalachia|Patagonia|Punjab|Bengal|Kurdistan|Anatolia|Andalusia|
  Catalonia|Bavaria|Lombardy|Tuscany|Sicily|Sardinia|Corsica|Brittany|Normandy|Provence|Flanders|Wallonia|
  Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|
  Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Missouri|Montana|
  Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|
  Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|
  West Virginia|Wisconsin|Wyoming|District of Columbia|Ontario|Quebec|British Columbia|Alberta|Manitoba|
  Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Yukon|Nunavut|Queensland|New South Wales|Victoria|Tasmania|
  Western Australia|South Australia|Northern Territory|KwaZulu-Natal|Western Cape|Eastern Cape|Java|
  Bali|Borneo|Sulawesi|Mindanao|Luzon|Hokkaido|Okinawa|Kyushu|Honshu|Sinai|Negev|Golan Heights|Galilee|Darfur|
  Tigray|Amhara|Oromia|Kordofan|Idlib|Aleppo|Raqqa|Kurdistan|Balochistan|Sindh|Khyber Pakhtunkhwa|Kerala|Gujarat|
  Maharashtra|Uttar Pradesh|Tamil Nadu|Karnataka|Rajasthan|Bihar|Assam|Goa|Guangdong|Sichuan|Hubei|Yunnan|
  Zhejiang|Jiangsu|Fujian|Inner Mongolia|Manchuria|Kherson|Zaporizhzhia|Donetsk|Luhansk|Kharkiv|Bakhmut|Mariupol|
  Kursk|Belgorod|Dagestan|Kaliningrad|Yorkshire|Lancashire|Kent|Essex|Surrey|Sussex|Devon|Cornwall|
  Somerset|Norfolk|Suffolk|Cumbria|Northumberland|Durham|Cheshire|Merseyside|Midlands|West Midlands|East Anglia|
  Highlands|Lake District|Cotswolds|Ulster|Shetland|Orkney|Hebrides|Isle of Wight|Isle of Man|Jersey|
  Guernsey|Gibraltar|Falklands|Falkland Islands|Bermuda|Cayman Islands|Canary Islands|Balearic Islands|Azores|
  Madeira|Galapagos|Hawaii|Guam|Mount Everest|Everest|Kilimanjaro|Mont Blanc|
  Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Kan|Ky|Mich|Minn|Mont|Neb|Nev|Okla|Tenn|Vt|Wis|Wyo|
  Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Fla.|Kan.|Ky.|Mich.|Minn.|Mont.|Neb.|Nev.|Okla.|Tenn.|Vt.|Wis.|Wyo.
`);

/** Capitals and other cities often in the news. */
export const CITIES = phrases(`
  London|Paris|Berlin|Madrid|Rome|Lisbon|Dublin|Brussels|Amsterdam|The Hague|Luxembourg|Vienna|Bern|Geneva|Zurich|
  Basel|Munich|Frankfurt|Hamburg|Cologne|Stuttgart|Dresden|Leipzig|Dusseldorf|Düsseldorf|Milan|Naples|Turin|
  Florence|Venice|Genoa|Bologna|Palermo|Barcelona|Valencia|Seville|Bilbao|Malaga|Porto|Marseille|Lyon|Toulouse|
  Nice|Bordeaux|Lille|Strasbourg|Nantes|Copenhagen|Stockholm|Oslo|Helsinki|Reykjavik|Tallinn|Riga|Vilnius|Warsaw|
  Krakow|Gdansk|Prague|Bratislava|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Ljubljana|Sarajevo|Skopje|Tirana|
  Podgorica|Pristina|Athens|Thessaloniki|Nicosia|Valletta|Istanbul|Ankara|Izmir|Moscow|St Petersburg|
  St. Petersburg|Saint Petersburg|Kyiv|Kiev|Odesa|Odessa|Lviv|Dnipro|Minsk|Chisinau|Tbilisi|Yerevan|Baku|Astana|
  Almaty|Tashkent|Bishkek|Dushanbe|Ashgabat|Kabul|Kandahar|Islamabad|Karachi|Lahore|Peshawar|New Delhi|Delhi|
  Mumbai|Kolkata|Chennai|Bangalore|Bengaluru|Hyderabad|Ahmedabad|Pune|Dhaka|Kathmandu|Colombo|Thimphu|Male|
  Beijing|Shanghai|Guangzhou|Shenzhen|Wuhan|Chengdu|Chongqing|Tianjin|Nanjing|Hangzhou|Xi'an|Harbin|Lhasa|Urumqi|
  Taipei|Seoul|Busan|Pyongyang|Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Hiroshima|Nagasaki|Fukushima|Sapporo|Ulaanbaatar|
  Hanoi|Ho Chi Minh City|Saigon|Bangkok|Phnom Penh|Vientiane|Yangon|Rangoon|Naypyitaw|Mandalay|Kuala Lumpur|
  Singapore|Jakarta|Surabaya|Manila|Cebu|Dili|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|
  Wellington|Auckland|Christchurch|Suva|Port Moresby|Tehran|Isfahan|Mashhad|Shiraz|Tabriz|Qom|Natanz|Baghdad|
  Basra|Mosul|Erbil|Kirkuk|Fallujah|Damascus|Homs|Beirut|Amman|Jerusalem|Tel Aviv|Haifa|Ramallah|Hebron|
  Bethlehem|Nablus|Jenin|Rafah|Khan Younis|Riyadh|Jeddah|Mecca|Medina|Dubai|Abu Dhabi|Doha|Manama|Kuwait City|
  Muscat|Sanaa|Aden|Hodeidah|Cairo|Alexandria|Tripoli|Benghazi|Tunis|Algiers|Rabat|Casablanca|Marrakesh|
  Khartoum|Omdurman|Addis Ababa|Asmara|Mogadishu|Nairobi|Mombasa|Kampala|Kigali|Dodoma|Dar es Salaam|Lusaka|
  Harare|Lilongwe|Maputo|Luanda|Windhoek|Gaborone|Pretoria|Johannesburg|Cape Town|Durban|Kinshasa|Goma|
  Brazzaville|Lagos|Abuja|Kano|Accra|Dakar|Bamako|Niamey|Ouagadougou|Abidjan|Freetown|Monrovia|Conakry|Yaounde|
  Douala|Libreville|Ndjamena|N'Djamena|Bangui|Juba|Washington|Washington D.C.|New York City|Los Angeles|
  Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|Jacksonville|San Francisco|
  Columbus|Fort Worth|Indianapolis|Charlotte|Seattle|Denver|Boston|Detroit|Nashville|Memphis|Portland|
  Oklahoma City|Las Vegas|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Kansas City|
  Atlanta|Miami|Raleigh|Omaha|Minneapolis|St. Paul|Cleveland|Tulsa|Tampa|New Orleans|Honolulu|Anchorage|
  Pittsburgh|Cincinnati|St. Louis|St Louis|Buffalo|Orlando|Salt Lake City|Richmond|Des Moines|Dayton|Toledo|
  Little Rock|Birmingham|Montgomery|Jackson|Baton Rouge|Charleston|Savannah|Hartford|Providence|Newark|
  Jersey City|Trenton|Albany|Annapolis|Harrisburg|Madison|Springfield|Lansing|Flint|Ann Arbor|Boise|Cheyenne|
  Santa Fe|Topeka|Lincoln|Bismarck|Helena|Juneau|Olympia|Salem|Carson City|Reno|El Paso|Laredo|Galveston|
  Brooklyn|Manhattan|Queens|Bronx|Staten Island|Harlem|Hollywood|Beverly Hills|Palo Alto|Cupertino|
  Mountain View|Menlo Park|Redmond|Oakland|Berkeley|Pasadena|Long Beach|Anaheim|Scottsdale|Mesa|Arlington|
  Alexandria|Bethesda|Langley|Quantico|Ferguson|Uvalde|Parkland|Charlottesville|Kenosha|Minneapolis|
  Toronto|Montreal|Vancouver|Ottawa|Calgary|Edmonton|Winnipeg|Halifax|Quebec City|Victoria|Regina|Saskatoon|
  Mexico City|Guadalajara|Monterrey|Tijuana|Cancun|Acapulco|Havana|Kingston|Port-au-Prince|Santo Domingo|
  San Juan|Panama City|San Salvador|Guatemala City|Tegucigalpa|Managua|San José|Bogota|Bogotá|Medellin|
  Medellín|Cali|Caracas|Maracaibo|Quito|Guayaquil|Lima|La Paz|Santiago|Buenos Aires|Cordoba|Rosario|Montevideo|
  Asuncion|Asunción|Brasilia|Brasília|Rio de Janeiro|Rio|Sao Paulo|São Paulo|Salvador|Recife|Manaus|
  Belo Horizonte|Porto Alegre|Manchester|Liverpool|Leeds|Sheffield|Bristol|Newcastle|Nottingham|Leicester|
  Coventry|Bradford|Cardiff|Swansea|Edinburgh|Glasgow|Aberdeen|Dundee|Inverness|Belfast|Derry|Londonderry|Cork|
  Galway|Limerick|Oxford|Cambridge|Brighton|Southampton|Portsmouth|Plymouth|Exeter|Bath|York|Hull|Sunderland|
  Middlesbrough|Stoke|Wolverhampton|Reading|Luton|Milton Keynes|Norwich|Ipswich|Cheltenham|Gloucester|Worcester|
  Canterbury|Dover|Blackpool|Preston|Bolton|Wigan|Salford|Stockport|Oldham|Rochdale|Huddersfield|Wakefield|
  Doncaster|Rotherham|Barnsley|Derby|Lincoln|Peterborough|Northampton|Swindon|Bournemouth|Harrogate|
  Westminster|Whitehall|Downing Street|Camden|Hackney|Islington|Brixton|Croydon|Wembley|Heathrow|
  Gatwick|Stansted|Davos|Strasbourg|Nuremberg|Hanover|Bonn|Salzburg|Innsbruck|Lausanne|Lugano|Monte Carlo|
  Chernobyl|Bucha|Srebrenica|Pristina|Mariupol|Sevastopol|Simferopol|Donetsk|Luhansk|Kharkiv|Kherson|Aleppo|
  Kobani|Idlib|Tikrit|Ramadi|Najaf|Karbala|Benghazi|Misrata|Sirte|Bergen|Trondheim|Gothenburg|Malmo|Malmö|Aarhus|
  Rotterdam|Utrecht|Eindhoven|Antwerp|Ghent|Bruges|Liege|Seville|Granada|Zaragoza|Medan|Bandung|
  Yogyakarta|Makassar|Davao|Quezon City|Penang|Chiang Mai|Phuket|Pattaya|Da Nang|Haiphong|Jaffna|Kandy|
  Chittagong|Srinagar|Jaipur|Lucknow|Varanasi|Agra|Amritsar|Kanpur|Patna|Bhopal|Indore|Nagpur|Surat|Kochi|
  Rawalpindi|Quetta|Multan|Faisalabad|Herat|Mazar-i-Sharif|Jalalabad|Kunduz|Helmand|Osh|Samarkand|Bukhara
`);

/** Well-known organizations, agencies and companies, named without a cue word. */
export const ORGANIZATIONS = phrases(`
  UN|U.N.|United Nations|NATO|Nato|EU|E.U.|European Union|European Commission|European Parliament|
  European Central Bank|ECB|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|WHO|
  World Health Organization|UNICEF|Unicef|UNESCO|Unesco|UNHCR|OPEC|Opec|OECD|G7|G20|ASEAN|Asean|African Union|
  Arab League|Red Cross|Red Crescent|ICRC|Amnesty International|Human Rights Watch|Greenpeace|Oxfam|
  Save the Children|Doctors Without Borders|MSF|Interpol|Europol|FIFA|Fifa|UEFA|Uefa|IOC|NFL|NBA|MLB|NHL|NCAA|
  FBI|F.B.I.|CIA|C.I.A.|NSA|DEA|ATF|DHS|ICE|TSA|FAA|FDA|EPA|CDC|NIH|NASA|Nasa|SEC|FTC|FCC|IRS|NTSB|FEMA|
  Pentagon|White House|Kremlin|Congress|Senate|House|Supreme Court|Federal Reserve|Fed|Treasury|
  State Department|Justice Department|Defense Department|Homeland Security|Border Patrol|Secret Service|
  National Guard|Capitol Police|Democratic Party|Republican Party|GOP|Labour|Labour Party|Conservative Party|
  Tories|Liberal Democrats|Lib Dems|SNP|Scottish National Party|Sinn Fein|Sinn Féin|DUP|Plaid Cymru|Reform UK|
  Green Party|Bundestag|Bundesbank|Knesset|Duma|Politburo|Hamas|Hezbollah|Hizbollah|Taliban|Islamic State|ISIS|
  ISIL|Isis|al-Qaeda|al Qaeda|Al Qaeda|Houthis|Houthi|Wagner|Wagner Group|Boko Haram|al-Shabab|PKK|IRA|ANC|
  Fatah|PLO|Muslim Brotherhood|Revolutionary Guards|Revolutionary Guard|IRGC|Mossad|Shin Bet|MI5|MI6|GCHQ|KGB|
  FSB|NHS|BBC|ITV|Channel 4|Sky News|Reuters|Reuter|AFP|Agence France-Presse|Associated Press|AP|Bloomberg|CNN|Fox News|
  MSNBC|NBC|CBS|ABC|NPR|PBS|Al Jazeera|New York Times|Washington Post|Wall Street Journal|Financial Times|
  The Economist|Economist|Guardian|Times|Daily Mail|Telegraph|Sun|Mirror|Independent|Politico|Axios|Xinhua|Tass|
  TASS|RIA Novosti|Interfax|Yonhap|Kyodo|IRNA|Fars|Tasnim|Apple|Google|Alphabet|Microsoft|Amazon|Meta|Facebook|
  Instagram|WhatsApp|Twitter|TikTok|ByteDance|YouTube|Netflix|Tesla|SpaceX|OpenAI|Nvidia|Intel|AMD|IBM|Oracle|
  Samsung|Sony|Huawei|Alibaba|Tencent|Baidu|Xiaomi|Toyota|Honda|Nissan|Hyundai|Volkswagen|BMW|Mercedes-Benz|
  Daimler|Ford|General Motors|GM|Stellantis|Renault|Peugeot|Fiat|Ferrari|Boeing|Airbus|Lockheed Martin|
  Raytheon|BAE Systems|Rolls-Royce|Siemens|BASF|Bayer|Pfizer|Moderna|AstraZeneca|Johnson & Johnson|Novartis|
  Roche|GSK|GlaxoSmithKline|Sanofi|Merck|Shell|BP|ExxonMobil|Exxon|Chevron|TotalEnergies|Total|Aramco|
  Saudi Aramco|Gazprom|Rosneft|Glencore|Rio Tinto|BHP|Walmart|Target|Costco|Tesco|Sainsbury's|Asda|Morrisons|
  Aldi|Lidl|Ikea|IKEA|Nike|Adidas|Coca-Cola|PepsiCo|Nestle|Nestlé|Unilever|McDonald's|Starbucks|Disney|
  Warner Bros|Uber|Lyft|Airbnb|PayPal|Visa|Mastercard|Goldman Sachs|JPMorgan|JPMorgan Chase|Morgan Stanley|
  Citigroup|Citi|Barclays|HSBC|Lloyds|NatWest|Santander|Deutsche Bank|UBS|Credit Suisse|BlackRock|Berkshire Hathaway|
  FTX|Binance|Coinbase|Ryanair|EasyJet|easyJet|Lufthansa|Emirates|Qatar Airways|Delta|United Airlines|
  American Airlines|Southwest|Wikipedia|Harvard|Yale|Princeton|Stanford|MIT|Oxford University|Cambridge University|
  Johns Hopkins|Sorbonne|Vatican|Hamas|Labour|Ofcom|Ofsted|Ofgem|Ofwat|HMRC|DVLA|Met Police|Scotland Yard|
  Europol|Frontex|Eurostat|Eurozone|Euro Zone|Commonwealth|Parliament|Downing Street|Elysee|Élysée|Bundeswehr
`);

/** Capitalized words that are organizations' names when all in capitals and not places: acronyms are orgs by default. */
export const PLACE_ACRONYMS = phrases(`US|U.S.|USA|U.S.A.|UK|U.K.|UAE|U.A.E.|DRC|USSR|NYC|LA|DC|D.C.|EU-`);

/**
 * Given names, to tell "Gareth Ollerton" (a person) from "Harlow Freight" (not). English and international names
 * that are common in news; a name missing here can still be recognized from titles, "said" and other context.
 */
export const GIVEN_NAMES = words(`
  Aaron Abby Abdul Abdullah Abdulaziz Abe Abigail Abraham Abu Ada Adam Adrian Adriana Ahmad Ahmed Aisha Alan Albert
  Alberto Alejandro Alex Alexander Alexandra Alexandre Alexei Alexey Alfred Ali Alice Alicia Alison Allan Allison
  Alyssa Amanda Amber Amelia Amir Amit Amos Amy Ana Anand Anders Andre Andrea Andreas Andrew Andrés Andy
  Angela Angelina Angus Anita Ann Anna Anne Annie Anthony Antoine Anton Antonio Antony Anwar Arjun Arnold Arthur
  Ashley Ashok Audrey Aung Austin Ava Ayesha Barack Barbara Barry Beatrice Ben Benjamin Bernard Bernie Beth Betty
  Beverly Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brendan Brett Brian Bridget Britney Bruce Bruno
  Bryan Caitlin Calvin Cameron Camilla Candace Carl Carla Carlos Carmen Carol Caroline Carolyn Carrie Casey
  Catherine Cathy Cecilia Chad Charles Charlie Charlotte Chelsea Cheryl Chloe Chris Christian Christina
  Christine Christopher Chuck Claire Clara Claude Claudia Clive Colin Connor Conor Craig Cristina Curtis Cynthia
  Dale Damian Dan Dana Daniel Daniela Danielle Danny Daria Dario Darren Dave David Dawn Dean Deborah Debra Declan
  Deepak Denis Dennis Derek Diana Diane Diego Dmitry Dmitri Dominic Don Donald Donna Doris Dorothy Doug Douglas
  Duncan Dylan Earl Ed Eddie Edgar Edith Edmund Eduardo Edward Edwin Eileen Elaine Eleanor Elena Eli Elijah
  Elisabeth Elizabeth Ella Ellen Elliot Elon Emily Emma Emmanuel Enrique Eric Erica Erik Erin Ernest Ethan Eugene
  Eva Evan Evelyn Fahad Faisal Farah Fatima Felix Fernando Fiona Florence Frances Francesca Francis Francisco Frank
  Franz Fred Frederick Gabriel Gabriela Gareth Garry Gary Gavin Gemma Gene Geoffrey George Georgia Gerald Gerard
  Gerhard Gianni Gil Gillian Gina Giorgia Giovanni Giuseppe Glen Glenn Gloria Gordon Grace Graham Grant Greg
  Gregory Gustavo Gwen Hamid Hannah Hans Harold Harriet Harry Harvey Hassan Heather Hector Heidi Helen Helena
  Henry Herbert Hilary Hillary Hiroshi Holly Howard Hugh Hugo Hussein Ian Ibrahim Igor Ilya Imran Ingrid Irene
  Iris Isaac Isabel Isabella Isabelle Ismail Ivan Ivana Jack Jackie Jacob Jacqueline Jake James Jamie Jan Jane
  Janet Janice Jason Javier Jean Jeff Jeffrey Jen Jennifer Jenny Jeremy Jerome Jerry Jess Jessica Jill Jim Jimmy
  Jo Joan Joanna Joanne Joaquin Jodie Joe Joel Johan John Johnny Jon Jonathan Jordan Jorge José Jose Joseph Josh
  Joshua Joy Joyce Juan Judith Judy Julia Julian Julie Juliet Justin Kamala Karen Karim Karin Karl Kate Katherine
  Kathleen Kathryn Kathy Katie Kay Keir Keith Kelly Ken Kenneth Kevin Khalid Kim Kimberly Kirsty Klaus Kofi Kristen
  Kumar Kurt Kyle Lara Larry Laura Lauren Laurence Leah Lee Leila Lena Leo Leon Leona Leonard Leslie Lewis Liam
  Lila Lily Linda Lindsay Lindsey Lisa Liz Lloyd Logan Lois Lorenzo Lori Louis Louise Luca Lucas Lucy Luigi Luis
  Luiz Luke Lydia Lynn Madeleine Maggie Mahmoud Malcolm Manuel Marc Marcel Marco Marcus Margaret Maria Marie Marina
  Mario Marion Marisa Mark Marta Martha Martin Mary Matt Matteo Matthew Maureen Max Maxine Megan Mehmet Melanie
  Melissa Mia Michael Michel Michelle Miguel Mike Mikhail Miles Mitch Mohamed Mohammad Mohammed Muhammad Monica
  Morgan Moses Mustafa Nadia Nancy Naomi Narendra Natalia Natalie Nathan Neil Nelson Nick Nicholas Nicola Nicolas
  Nicole Nigel Nikki Nina Noah Noel Nora Norman Oliver Olivia Omar Oscar Owen Pablo Pamela Paola Patricia
  Patrick Paul Paula Pauline Pedro Peggy Penny Peter Petra Phil Philip Philippe Phillip Pierre Pietro   Rachel Rafael Rahul Raj Rajesh Ralph Ramon Randy Raquel Ravi Ray Raymond Rebecca Reza Ricardo Richard
  Rick Rishi Rita Rob Robert Roberto Robin Rod Roger Roland Ron Ronald Rory Rosa Rose Rosemary Ross Roy Ruby Rudy
  Rupert Russell Ruth Ryan Sadiq Salman Sam Samantha Samir Samuel Sandra Sanjay Sara Sarah Scott Sean
  Sebastian Selina Serena Sergei Sergey Seth Shannon Sharon Shawn Sheila Shirley Simon Simone Sofia Sonia Sophia
  Sophie Stacey Stanley Stefan Stella Stephanie Stephen Steve Steven Stuart Sue Susan Suzanne Sylvia Tamara
  Tanya Ted Teresa Terry Theresa Thomas Tim Timothy Tina Toby Todd Tom Tommy Tony Tracy Travis Trevor Troy
  Tyler Ursula Valentina Valerie Vanessa Vera Veronica Victor Victoria Viktor Vincent Violet Vivian Vladimir
  Volodymyr Walter Wang Warren Wayne Wendy Wes Will William Willie Xavier Yasmin Yuki Yusuf Yuri Yvonne Zach Zachary
  Zainab Zara Zoe
`);

/** Surnames of public figures often named alone in the news. */
export const KNOWN_PEOPLE = words(`
  Trump Biden Obama Clinton Bush Reagan Carter Nixon Kennedy Harris Pence Pelosi McConnell Schumer McCarthy Sanders
  Warren DeSantis Haley Newsom Cuomo Giuliani Pompeo Blinken Kerry Tillerson Mattis Bolton Yellen Powell
  Bernanke Zelensky Zelenskyy Putin Medvedev Lavrov Shoigu Navalny Prigozhin Lukashenko Xi Merkel Scholz Macron
  Sarkozy Hollande Johnson Sunak Truss Cameron Blair Brown Starmer Corbyn Farage Sturgeon Trudeau Modi
  Erdogan Erdoğan Netanyahu Rouhani Khamenei Raisi Zarif Assad Sisi Mubarak Gaddafi Saddam Kim Abe Kishida
  Lula Bolsonaro Maduro Chavez Chávez Castro Milei Duterte Marcos Jokowi Widodo Ramaphosa Zuma Mandela Ruto Kenyatta
  Odinga Buhari Tinubu Guterres Stoltenberg Rutte Draghi Meloni Berlusconi Orban Orbán Tusk Sanchez Sánchez Lagarde
  Musk Bezos Zuckerberg Gates Buffett Cook Pichai Nadella Altman Dimon Francis Benedict Gorbachev Yeltsin Stalin
  Hitler Churchill Thatcher Gandhi Kissinger
`);
