"""Small gazetteers of places and peoples: countries, capitals and large cities, US states,
UK nations and regions (GPE); continents, seas and regions (LOC); nationalities, religions
and political groups (NORP). Aliases make "UK", "Britain" and "United Kingdom" one entity.
"""

from __future__ import annotations


def _lines(text: str) -> list[str]:
    return [w.strip() for w in text.replace("\n", ",").split(",") if w.strip()]


_COUNTRIES = """Afghanistan, Albania, Algeria, Andorra, Angola, Argentina, Armenia, Australia,
Austria, Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium, Belize, Benin,
Bhutan, Bolivia, Bosnia, Bosnia and Herzegovina, Botswana, Brazil, Brunei, Bulgaria,
Burkina Faso, Burundi, Cambodia, Cameroon, Canada, Chad, Chile, China, Colombia, Congo,
Costa Rica, Croatia, Cuba, Cyprus, Czech Republic, Czechia, Denmark, Djibouti, Dominica,
Dominican Republic, Ecuador, Egypt, El Salvador, Eritrea, Estonia, Eswatini, Ethiopia,
Fiji, Finland, France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala,
Guinea, Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland,
Israel, Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kosovo, Kuwait,
Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein, Lithuania,
Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Mauritania, Mauritius,
Mexico, Moldova, Monaco, Mongolia, Montenegro, Morocco, Mozambique, Myanmar, Burma,
Namibia, Nepal, Netherlands, Holland, New Zealand, Nicaragua, Niger, Nigeria, North Korea,
North Macedonia, Norway, Oman, Pakistan, Palestine, Panama, Papua New Guinea, Paraguay,
Peru, Philippines, Poland, Portugal, Qatar, Romania, Russia, Rwanda, Saudi Arabia, Senegal,
Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Somalia, South Africa,
South Korea, Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden, Switzerland,
Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Trinidad and Tobago, Tunisia,
Turkey, Türkiye, Turkmenistan, Uganda, Ukraine, United Arab Emirates, UAE, United Kingdom,
UK, Britain, Great Britain, United States, United States of America, US, USA, America,
Uruguay, Uzbekistan, Vanuatu, Venezuela, Vietnam, Yemen, Zambia, Zimbabwe, Gaza,
West Bank, Hong Kong, Greenland, Puerto Rico, Crimea, Chechnya, Kashmir, Tibet, Catalonia,
England, Scotland, Wales, Northern Ireland"""
_CITIES = """London, Paris, Berlin, Madrid, Rome, Lisbon, Dublin, Edinburgh, Cardiff, Belfast,
Glasgow, Manchester, Birmingham, Liverpool, Leeds, Sheffield, Bristol, Newcastle,
Nottingham, Leicester, Brighton, Oxford, Cambridge, York, Bath, Southampton, Plymouth,
Aberdeen, Dundee, Swansea, Coventry, Hull, Norwich, Exeter, Derby, Stoke, Sunderland,
Bradford, Wolverhampton, Reading, Luton, Milton Keynes, Amsterdam, Brussels, Vienna, Prague,
Budapest, Warsaw, Stockholm, Oslo, Copenhagen, Helsinki, Athens, Istanbul, Ankara, Moscow,
St Petersburg, Kyiv, Kiev, Kharkiv, Odesa, Mariupol, Minsk, Bucharest, Sofia, Belgrade,
Zagreb, Geneva, Zurich, Munich, Frankfurt, Hamburg, Milan, Naples, Venice, Florence,
Barcelona, Seville, Marseille, Lyon, Nice, Cannes, Monte Carlo, Tel Aviv, Jerusalem, Beirut,
Damascus, Baghdad, Tehran, Riyadh, Jeddah, Dubai, Abu Dhabi, Doha, Cairo, Tripoli, Tunis,
Algiers, Casablanca, Lagos, Abuja, Accra, Nairobi, Addis Ababa, Khartoum, Johannesburg,
Cape Town, Pretoria, Kinshasa, Kabul, Islamabad, Karachi, Lahore, Delhi, New Delhi, Mumbai,
Kolkata, Chennai, Bangalore, Bengaluru, Dhaka, Colombo, Kathmandu, Beijing, Shanghai,
Wuhan, Shenzhen, Guangzhou, Taipei, Tokyo, Osaka, Seoul, Pyongyang, Bangkok, Hanoi,
Ho Chi Minh City, Manila, Jakarta, Kuala Lumpur, Sydney, Melbourne, Brisbane, Perth,
Canberra, Adelaide, Auckland, Wellington, Toronto, Montreal, Vancouver, Ottawa, Calgary,
New York, New York City, Washington, Washington DC, Los Angeles, Chicago, Houston, Phoenix,
Philadelphia, San Antonio, San Diego, Dallas, San Francisco, Seattle, Boston, Miami,
Atlanta, Detroit, Denver, Las Vegas, Nashville, New Orleans, Austin, Portland, Baltimore,
Minneapolis, Pittsburgh, Cleveland, Brooklyn, Manhattan, Bronx, Queens, Staten Island,
Harlem, Hollywood, Columbus, Cincinnati, Indianapolis, Sacramento, Honolulu, Anchorage,
Mexico City, Havana,
Bogota, Bogotá, Lima, Santiago, Buenos Aires, Sao Paulo, São Paulo, Rio de Janeiro,
Brasilia, Caracas, Quito, Montevideo, Westminster, Kensington, Chelsea_gpe, Salisbury"""
_US_STATES = """Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut,
Delaware, Florida, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana,
Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana,
Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota,
Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota,
Tennessee, Texas, Utah, Vermont, Virginia_gpe, West Virginia, Wisconsin, Wyoming,
Cornwall, Devon, Kent, Essex, Surrey, Sussex, Yorkshire, Lancashire, Norfolk, Suffolk,
Merseyside, Cumbria, Somerset, Dorset, Hampshire, Berkshire, Lincolnshire, Cheshire,
Ontario, Quebec, Bavaria, Lombardy, Normandy, Brittany, Provence, Donbas, Donetsk, Luhansk,
Kherson, Zaporizhzhia, Queensland, Tasmania, Punjab, Bengal, Xinjiang, New South Wales,
NSW, Western Australia, South Australia, Northern Territory, British Columbia, Alberta,
Manitoba, Saskatchewan, Nova Scotia, New Brunswick, Newfoundland"""
_LOCATIONS = """Europe, Asia, Africa, North America, South America, Latin America, Central
America, Antarctica, Oceania, Middle East, Far East, Scandinavia, Balkans, Caribbean,
Pacific, Atlantic, Arctic, Mediterranean, Baltic, Gulf, Sahara, Himalayas, Alps, Siberia,
Sahel, Horn of Africa, Indian Ocean, Pacific Ocean, Atlantic Ocean, North Sea, Black Sea,
Red Sea, Dead Sea, English Channel, Thames, River Thames, Nile, Amazon_loc, Danube,
Rhine, Mississippi_loc, Everest, Mount Everest, Highlands, Lake District, Midlands,
East Anglia, West Country, Home Counties, Silicon Valley, Wall Street, Downing Street_loc,
Gaza Strip, Sinai, Korean Peninsula, Iberia, Patagonia, Outback, Riviera"""
_NORP = """British, English, Scottish, Welsh, Irish, American, Canadian, Australian, French,
German, Italian, Spanish, Portuguese, Dutch, Belgian, Swiss, Austrian, Swedish, Norwegian,
Danish, Finnish, Icelandic, Polish, Czech, Slovak, Hungarian, Romanian, Bulgarian, Greek,
Turkish, Russian, Ukrainian, Belarusian, Georgian, Armenian, Israeli, Israelis,
Palestinian, Palestinians, Lebanese, Syrian, Iraqi, Iranian, Saudi, Emirati, Qatari,
Egyptian, Libyan, Tunisian, Algerian, Moroccan, Nigerian, Ghanaian, Kenyan, Ethiopian,
Somali, Sudanese, South African, Zimbabwean, Indian, Pakistani, Bangladeshi, Afghan,
Chinese, Japanese, Korean, North Korean, South Korean, Vietnamese, Thai, Filipino,
Indonesian, Malaysian, Singaporean, Mexican, Brazilian, Argentine, Argentinian, Chilean,
Colombian, Peruvian, Venezuelan, Cuban, Haitian, Jamaican, European, Europeans, African,
Africans, Asian, Asians, Arab, Arabs, Latino, Latina, Hispanic, Jewish, Jews, Muslim,
Muslims, Christian, Christians, Catholic, Catholics, Protestant, Hindu, Hindus, Sikh,
Sikhs, Buddhist, Republican, Republicans, Democrat, Democrats, Tory, Tories, Kurdish,
Kurds, Sunni, Shia, Britons, Americans, Russians, Ukrainians, Germans, Scots, Welsh_norp,
Londoners, Western, Soviet, Nazi, Nazis, Brexiteers, Remainers, Liberal Democrat,
Conservative"""

GPE_NAMES = frozenset(w.split("_")[0] for w in _lines(_COUNTRIES + "," + _CITIES + ","
                                                      + _US_STATES))
LOC_NAMES = frozenset(w.split("_")[0] for w in _lines(_LOCATIONS))
NORP_NAMES = frozenset(w.split("_")[0] for w in _lines(_NORP))

ALIASES = {
    "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "US": "United States", "USA": "United States", "America": "United States",
    "United States of America": "United States", "UAE": "United Arab Emirates",
    "Holland": "Netherlands", "Burma": "Myanmar", "Czechia": "Czech Republic",
    "Kiev": "Kyiv", "Türkiye": "Turkey", "Washington DC": "Washington",
    "New York City": "New York", "Bengaluru": "Bangalore",
}

# Words that end place names: "Necker Island", "River Severn" (prefix), "Hyde Park".
LOC_SUFFIXES = frozenset("""Island Islands Isle Isles River Lake Sea Ocean Mountain
Mountains Hill Hills Valley Bay Coast Peninsula Desert Forest Park Beach Canyon Gulf Strait
Street Road Avenue Lane Square Bridge Airport Station Stadium Arena Palace Tower Cathedral
Abbey Heath Common Moor Falls Glacier Reef Harbour Harbor Estate Gardens Hall Boulevard
Drive Way Place Terrace Crescent Highway Parkway Plaza Motorway Expressway Freeway
End""".split())
LOC_PREFIXES = frozenset("Mount Lake River Cape Loch Port Fort".split())
GPE_SUFFIXES = frozenset("County Province State Republic Borough District Township".split())
