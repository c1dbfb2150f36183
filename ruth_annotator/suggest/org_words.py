"""Small gazetteers of organisations, works and events: broadcasters and news outlets,
photo agencies, institutions, parties, large companies; the suffixes that end an
organisation's name; the nouns that announce a title ("drama I Am Ruth"); event words.
"""

from __future__ import annotations


def _items(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.replace("\n", ",").split(",") if w.strip())


BROADCASTERS = _items("""BBC, BBC One, BBC Two, BBC Three, BBC Four, BBC News, BBC Radio 1,
BBC Radio 2, BBC Radio 4, BBC Radio 5 Live, BBC Sounds, BBC iPlayer, ITV, ITV1, ITV2, ITVX,
ITV News, Channel 4, Channel 5, Channel 4 News, E4, S4C, Sky, Sky News, Sky Sports,
Sky Atlantic, GB News, LBC, Radio 1, Radio 2, Radio 4, Radio 5 Live, Times Radio, TalkTV,
CNN, Fox News, Fox, MSNBC, NBC, NBC News, CBS, CBS News, ABC, ABC News, PBS, NPR, HBO, HBO Max,
Showtime, Hulu, Netflix, Disney, Disney+, Amazon Prime, Prime Video, Apple TV+, Paramount,
Paramount+, Peacock, Al Jazeera, Deutsche Welle, DW, RT, France 24, Euronews, RTE, RTÉ,
CBC, ABC Australia, Reuters, Associated Press, AP, AFP, Agence France-Presse, PA, PA Media,
Press Association, Bloomberg, The Guardian, Guardian, The Observer, The Times, The Sunday
Times, The Telegraph, Daily Telegraph, Daily Mail, Mail on Sunday, MailOnline, The Sun,
Daily Mirror, Mirror, The Independent, Evening Standard, Financial Times, FT,
The Economist, Economist, New York Times, The New York Times, Washington Post,
The Washington Post, Wall Street Journal, The Wall Street Journal, USA Today,
Los Angeles Times, Politico, Axios, Yahoo, Yahoo News, BuzzFeed, HuffPost, Vanity Fair,
Vogue, Variety, The Hollywood Reporter, Hollywood Reporter, Deadline, Rolling Stone,
Newsweek, The Atlantic, The New Yorker, Radio Times, Metro,
Getty Images, Getty, Shutterstock, Alamy, Invision, EPA, Rex Features, PA Wire, WireImage,
Instagram, Twitter, Facebook, TikTok, YouTube, Snapchat, WhatsApp, Threads, LinkedIn,
Reddit, Spotify""")

INSTITUTIONS = _items("""NHS, UN, United Nations, EU, European Union, European Commission,
European Parliament, European Central Bank, NATO, Nato, WHO, World Health Organization,
World Health Organisation, IMF, International Monetary Fund, World Bank, WTO, OECD, G7, G20,
FBI, CIA, NSA, Pentagon, White House, Kremlin, Downing Street, Number 10, No 10, Whitehall,
Congress, Senate, House, House of Representatives, House of Commons, House of Lords, Commons,
Lords, Parliament, Supreme Court, High Court, Court of Appeal, Old Bailey, Home Office,
Foreign Office, Treasury, Bank of England, Federal Reserve, Fed, Met Police, Metropolitan
Police, Scotland Yard, Met Office, Ofcom, Ofsted, Ofgem, Ofwat, HMRC, DVLA, CPS, MI5, MI6,
GCHQ, Labour, Labour Party, Conservative Party, Conservatives, Liberal Democrats, Lib Dems,
SNP, Plaid Cymru, Reform UK, Green Party, Greens, DUP, Sinn Fein, Sinn Féin,
Democratic Party, Republican Party, GOP, Hamas, Hezbollah, Taliban, Isis, IS, Wagner,
Bafta, BAFTA, Academy, Oxford University, Cambridge University, Harvard, Yale, MIT,
Stanford, Apple, Google, Alphabet, Microsoft, Amazon, Meta, Tesla, SpaceX, OpenAI, Nvidia,
Samsung, Sony, Toyota, Volkswagen, BMW, Ford, BP, Shell, HSBC, Barclays, Lloyds, NatWest,
Goldman Sachs, JPMorgan, Morgan Stanley, Citigroup, Citi, Bank of America, Wells Fargo,
Deutsche Bank, BNP Paribas, UBS, Credit Suisse, BlackRock, Vanguard, Nomura, LSEG, Unilever,
Tesco, Sainsbury's, Asda, Aldi, Lidl, Boots, Ryanair,
easyJet, British Airways, Virgin, Virgin Atlantic, Royal Mail, Network Rail, Premier League,
FIFA, Fifa, UEFA, Uefa, IOC, Red Cross, Amnesty International, Greenpeace, Oxfam, Unicef,
UNICEF, Save the Children, Church of England, Vatican, Manchester United, Manchester City,
Real Madrid, Barcelona FC, Juventus, Bayern Munich, Paris Saint-Germain, PSG""")

ORG_SUFFIXES = frozenset("""Ltd Limited Inc Inc. Corp Corp. Corporation Co Co. plc PLC LLC LLP
Group Holdings Bank Trust Foundation Fund Institute Institution University College School
Academy Council Committee Commission Agency Authority Association Federation Union League
Party Ministry Department Office Service Services Police Constabulary Army Navy Force
Airlines Airways Motors Records Studios Pictures Entertainment Media News Press Times Post
Herald Gazette Journal Telegraph Tribune Network Radio TV Club FC Society Church Hospital
Court Parliament Assembly Senate Board Bureau Museum Gallery Theatre Theater Company
Industries Technologies Systems Labs Partners Capital Energy Brewery Hotels Orchestra Band
Charity Alliance Coalition Centre Center Institute Observatory Prison Council Foods Drinks
Brands Pharma Pharmaceuticals Logistics Retail Stores Insurance Ventures Solutions Choir
Singers Players Rovers Wanderers Athletic Albion Rangers Hotspur Villa Mail Mirror Express
Echo Chronicle Standard Observer Mercury Argus Courier Advertiser Examiner Sentinel Inquirer
Globe Bulletin Gazette Airport Government Cabinet Economics Analytics Consulting Advisors
Associates Management Investments Securities Markets Semiconductor Semiconductors Electronics
Resources Mining Petroleum Oil Gas Steel Chemicals Telecom Communications Software Robotics
Biotech Therapeutics Healthcare Beverages Brewing Automotive Aerospace Dynamics Shipping
Railways""".split())
# Words inside a name that make it an organisation rather than a person.
ORG_HINTS = frozenset("""National International Royal Federal Global United Daily Sunday
Weekly Foods Voices Homes Motors Energy Water Group Holdings Kitchen Hotel Hotels Café
Restaurant Brewery Studios Records Games Sports Media Digital Labs Airlines Bank Trust
Lottery Society Orchestra Theatre Theater Choir Club Union Council Police Party Press
Community Council""".split())
PUBLICATION_NOUNS = frozenset("""journal magazine newspaper tabloid broadsheet outlet
publication website broadcaster station label""".split())
# Clubs are called by their last word: "Rovers", "United", "Villa".
CLUB_NAMES = frozenset("""Rovers Wanderers Athletic Albion Rangers Hotspur Villa United City
Town County Forest Celtic""".split())
EVENT_NOUNS = frozenset("""competition contest awards award prize festival tournament
championship championships cup trophy race election summit conference games
olympics""".split())
ORG_HEADS = frozenset("""University Bank Ministry Department Institute College School Church
Museum Court House Office Council Federation Association Society League Board Commission
Royal National Federal""".split())

# Nouns that introduce a title: "in family drama I Am Ruth", "the album Renaissance".
WORK_NOUNS = frozenset("""film movie drama series show programme program documentary
sitcom soap thriller comedy musical play novel book memoir autobiography biography album
song single track EP podcast episode game opera ballet painting poem anthology franchise
miniseries mini-series biopic trilogy sequel prequel spin-off reboot serial tv drama""".split())

EVENT_NAMES = _items("""Olympics, Olympic Games, Paralympics, World Cup, Euros, Euro 2024,
Wimbledon, Glastonbury, Oscars, Academy Awards, Golden Globes, Emmys, Baftas, Grammys,
Brit Awards, Brits, Super Bowl, Eurovision, Eurovision Song Contest, Cannes Film Festival,
Edinburgh Fringe, Six Nations, Tour de France, Grand National, Ashes, Champions League,
Brexit, Holocaust, Second World War, First World War, World War Two, World War II,
World War One, World War I, Cold War, Vietnam War, Gulf War, Iraq War, Arab Spring,
Black Lives Matter, MeToo, Platinum Jubilee, COP26, COP27, COP28, Autumn Statement""")
EVENT_SUFFIXES = frozenset("""War Games Cup Championship Championships Olympics Festival
Awards Summit Marathon Grand Prix Open Election Referendum Conference Expo Fair Week
Riots Massacre Revolution Crisis Protests Attack Attacks Bombing Disaster""".split())
