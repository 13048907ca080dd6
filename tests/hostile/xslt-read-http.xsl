<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<!-- A user stylesheet that tries to fetch from the network. -->
<xsl:output method="text"/>
<xsl:template match="/">fetched: <xsl:value-of select="document('@HTTP@/xslt-document')"/></xsl:template>
</xsl:stylesheet>
